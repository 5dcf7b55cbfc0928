//! Hooks: component-side state that outlives a render.

use yew::prelude::*;

use crate::assets::{self, GeoResult};

/// The geometry at `url` (`None`: nothing wanted). Returns the result once known and a
/// callback that fetches again after a failure.
#[hook]
pub fn use_geometry(url: Option<AttrValue>) -> (Option<GeoResult>, Callback<()>) {
    let result = use_state(|| None::<GeoResult>);
    let attempt = use_state(|| 0u32);
    // The url a response belongs to: a late answer for a previous url is dropped.
    let current = use_mut_ref(|| None::<AttrValue>);
    {
        let result = result.clone();
        use_effect_with((url.clone(), *attempt), move |(url, _)| {
            *current.borrow_mut() = url.clone();
            result.set(None);
            if let Some(url) = url.clone() {
                let wanted = url.clone();
                assets::load(
                    &url,
                    Callback::from(move |r| {
                        if current.borrow().as_ref() == Some(&wanted) {
                            result.set(Some(r));
                        }
                    }),
                );
            }
        });
    }
    let retry = Callback::from(move |()| attempt.set(*attempt + 1));
    ((*result).clone(), retry)
}
