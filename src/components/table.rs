//! The table view of the map (WAI-ARIA APG sortable table). Its markup comes written
//! ([`Panels::table`], by the build or the validator): the kind filter, and every jurisdiction
//! with its kind, category and laws, sorted by name, each row with its place in every order.
//! The widget sorts, filters and marks the rows in place after each render ([`use_table`]); one
//! listener on the table answers its buttons (a column's sort, a name's details), one its
//! radios.

use std::cell::RefCell;
use std::rc::Rc;

use sanctuary_core::i18n::{ui, Lang};
use sanctuary_core::panels::{kind_key, Panels};
use sanctuary_core::policy::Kind;
use sanctuary_core::table::{SortKey, TableQuery};
use wasm_bindgen::JsCast;
use web_sys::Element;
use yew::prelude::*;

use super::detail::on_button;
use super::sources::written;
use super::Shared;
use crate::hooks::{use_after_render, use_flag, use_node_ref};

#[derive(Properties, PartialEq)]
pub struct TableProps {
    /// The table's markup, in the reader's language.
    pub panels: Shared<Panels>,
    pub lang: Lang,
    /// The jurisdiction shown in the detail panel, highlighted in its row.
    #[prop_or_default]
    pub selected: Option<AttrValue>,
    /// The reader chose a row's name button: the caller shows its details.
    #[prop_or_default]
    pub on_select: Callback<AttrValue>,
}

/// The table view: the kind filter and the written table.
#[function_component]
pub fn JurisdictionTable(props: &TableProps) -> Html {
    table_view(props, &use_table())
}

/// What the table shows: its sort and filter, the row to mark, and the language of its caption.
struct Shown {
    query: TableQuery,
    selected: Option<AttrValue>,
    lang: Lang,
}

/// The table's own state ([`use_table`]).
#[derive(Clone)]
pub struct TableState {
    cell: Rc<RefCell<Shown>>,
    rerender: UseStateHandle<bool>,
    node: NodeRef,
}

impl TableState {
    pub fn query(&self) -> TableQuery {
        self.cell.borrow().query
    }

    /// Shows the table with `query`.
    fn set(&self, query: TableQuery) {
        self.cell.borrow_mut().query = query;
        self.rerender.set(!*self.rerender);
    }
}

/// The table's state, kept in a cell, with a flag flipped to re-render (a `bool` state, a type
/// the widget has anyway: a state of its own type would be another copy of yew's state code in
/// the wasm), and the effect that sorts, filters and marks the rows after each render in which
/// the table is shown.
#[hook]
pub fn use_table() -> TableState {
    let state = TableState {
        cell: use_mut_ref(|| Shown {
            query: TableQuery::default(),
            selected: None,
            lang: Lang::En,
        }),
        rerender: use_flag(),
        node: use_node_ref(),
    };
    {
        let (node, cell) = (state.node.clone(), state.cell.clone());
        use_after_render(Box::new(move || {
            if let Some(table) = node.cast::<Element>() {
                arrange(&table, &cell.borrow());
            }
        }));
    }
    state
}

/// Sorts and filters the written rows as `shown` says, marks the selected one, and updates the
/// headers' `aria-sort` and icons and the caption's count. Rows move only when their order
/// changes, so focus in a row stays where it is.
// Not inlined: V8 compiles each wasm function when it is first called, on the main thread, so
// code the first view does not run stays out of that compile.
#[inline(never)]
fn arrange(table: &Element, shown: &Shown) {
    let q = shown.query;
    let Ok(rows) = table.query_selector_all("tbody>tr") else {
        return;
    };
    let n = rows.length() as usize;
    // `data-o`: the row's place by name, by category, by category descending.
    let col = match (q.sort, q.descending) {
        (SortKey::Name, _) => 0,
        (SortKey::Tier, false) => 1,
        (SortKey::Tier, true) => 2,
    };
    let want = q.kind.map(kind_key);
    let mut order: Vec<Option<Element>> = vec![None; n];
    let mut moved = false;
    let mut visible = 0;
    for i in 0..n {
        let Some(row) = rows.get(i as u32) else {
            continue;
        };
        let row: Element = row.unchecked_into();
        let mut place = row
            .get_attribute("data-o")
            .and_then(|o| o.split(' ').nth(col)?.parse::<usize>().ok())
            .unwrap_or(i);
        if q.sort == SortKey::Name && q.descending {
            place = n.saturating_sub(place + 1);
        }
        moved |= place != i;
        let show = want.is_none() || row.get_attribute("data-kind").as_deref() == want;
        visible += usize::from(show);
        let _ = row.toggle_attribute_with_force("hidden", !show);
        let marked = shown.selected.is_some()
            && row.get_attribute("data-id").as_deref() == shown.selected.as_deref();
        let _ = match marked {
            true => row.set_attribute("aria-current", "true"),
            false => row.remove_attribute("aria-current"),
        };
        if let Some(slot) = order.get_mut(place) {
            *slot = Some(row);
        }
    }
    if moved {
        if let Ok(Some(body)) = table.query_selector("tbody") {
            for row in order.into_iter().flatten() {
                let _ = body.append_child(&row);
            }
        }
    }
    // The sortable headers, by name then by category: `aria-sort` on the sorted one (the
    // stylesheet draws the icons after it).
    if let Ok(headers) = table.query_selector_all("th.se-table__sortable") {
        for (i, key) in [SortKey::Name, SortKey::Tier].into_iter().enumerate() {
            if let Some(th) = headers.get(i as u32) {
                let th: Element = th.unchecked_into();
                let _ = match q.aria_sort(key) {
                    Some(sort) => th.set_attribute("aria-sort", sort),
                    None => th.remove_attribute("aria-sort"),
                };
            }
        }
    }
    // The filter's radios, when the table is shown again: the one of the query is checked.
    if let Ok(radios) = table.query_selector_all("input") {
        for i in 0..radios.length() {
            if let Some(radio) = radios.get(i) {
                let radio: Element = radio.unchecked_into();
                let on = radio.get_attribute("value").as_deref() == Some(want.unwrap_or("all"));
                let _ = radio.toggle_attribute_with_force("checked", on);
            }
        }
    }
    if let Ok(Some(caption)) = table.query_selector(".se-table__count") {
        caption.set_text_content(Some(&ui(shown.lang).table_caption(visible, n)));
    }
}

/// The table's view ([`JurisdictionTable`]), with its state from [`use_table`]. The widget's map
/// section keeps that state and calls this inside its render (a component is its own copy of
/// yew's code in the wasm; the sort and filter then also last while the reader looks at the map).
// Not inlined into the map section's render (see `arrange`).
#[inline(never)]
pub fn table_view(props: &TableProps, state: &TableState) -> Html {
    {
        let mut shown = state.cell.borrow_mut();
        shown.selected = props.selected.clone();
        shown.lang = props.lang;
    }
    // One listener for the written table's buttons: a column's sort, or a name's details.
    let onclick = {
        let (state, on_select) = (state.clone(), props.on_select.clone());
        Callback::from(move |e: MouseEvent| {
            let Some(button) = on_button(&e) else {
                return;
            };
            if let Some(key) = button.get_attribute("data-sort") {
                let key = if key == "tier" {
                    SortKey::Tier
                } else {
                    SortKey::Name
                };
                state.set(state.query().sort_by(key));
            } else if let Some(id) = button.get_attribute("data-id") {
                on_select.emit(id.into());
            }
        })
    };
    // And one for the filter's radios (`value`: a row's `data-kind`, or `all`).
    let onchange = {
        let state = state.clone();
        Callback::from(move |e: Event| {
            let Some(value) = e
                .target_dyn_into::<Element>()
                .and_then(|t| t.get_attribute("value"))
            else {
                return;
            };
            let kind = [Kind::State, Kind::County, Kind::City]
                .into_iter()
                .find(|&k| kind_key(k) == value);
            state.set(state.query().with_kind(kind));
        })
    };
    html! {
        <div class="se-table" ref={state.node.clone()} {onclick} {onchange}>
            { written(props.panels.table.clone()) }
        </div>
    }
}
