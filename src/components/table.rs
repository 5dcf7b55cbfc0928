use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicUsize, Ordering};

use sanctuary_core::i18n::{ui, Lang, Ui};
use sanctuary_core::markup::Markup;
use sanctuary_core::policy::{Dataset, Jurisdiction, Kind};
use sanctuary_core::table::{count, kind_filters, kind_label, laws, rows, SortKey, TableQuery};
use yew::prelude::*;

use super::detail::tier_badge;
use super::sources::{raw, write_time};
use super::Shared;
use crate::hooks::use_flag;

#[derive(Properties, PartialEq)]
pub struct TableProps {
    pub data: Shared<Dataset>,
    pub lang: Lang,
    /// The jurisdiction shown in the detail panel, highlighted in its row.
    #[prop_or_default]
    pub selected: Option<AttrValue>,
    /// The reader chose a row's name button: the caller shows its details.
    #[prop_or_default]
    pub on_select: Callback<AttrValue>,
}

/// A name for the filter's radio group, unique on the page (several widgets may share a tree).
fn next_group() -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("se-table-kind-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// "State"; "County · California" and "City · California" for local governments.
fn kind_cell(j: &Jurisdiction, lang: Lang, t: &Ui) -> Html {
    let mut m = Markup::new();
    m.text(kind_label(j.kind, t));
    if let (Kind::County | Kind::City, Some(state)) = (j.kind, j.state_info()) {
        m.open("span", &[("class", "se-table__state")])
            .element("span", &[("class", "se-table__dot")], " · ")
            .text(state.name_in(lang))
            .close("span");
    }
    raw(m)
}

fn laws_cell(j: &Jurisdiction, lang: Lang, t: &Ui) -> Html {
    let list = laws(j);
    let mut m = Markup::new();
    if list.is_empty() {
        m.element("span", &[("aria-hidden", "true")], "—").element(
            "span",
            &[("class", "se-vh")],
            t.none_recorded,
        );
        return raw(m);
    }
    let sep = [("class", "se-table__sep"), ("aria-hidden", "true")];
    m.open("ul", &[("class", "se-table__laws")]);
    for l in list {
        m.open("li", &[]);
        match lang {
            Lang::En => m.element("span", &[("class", "se-table__law")], l.law),
            _ => m.element("span", &[("class", "se-table__law"), ("lang", "en")], l.law),
        };
        if let Some(number) = l.number {
            m.element("span", &sep, " · ")
                .element("span", &[("class", "se-table__num")], number);
        }
        m.element("span", &sep, " · ");
        write_time(&mut m, None, &l.date, lang);
        if l.secondary {
            m.text(" ")
                .element("span", &[("class", "se-flag")], t.secondary);
        }
        m.close("li");
    }
    m.close("ul");
    raw(m)
}

/// The table view of the map (WAI-ARIA APG sortable table): every jurisdiction with its kind,
/// category and laws; sortable by name and by category, filtered by kind. Each name is a
/// button that asks for the jurisdiction's details.
#[function_component]
pub fn JurisdictionTable(props: &TableProps) -> Html {
    table_view(props, &use_table())
}

/// The table's own state ([`use_table`]): its sort and filter, and its radio group's name.
#[derive(Clone)]
pub struct TableState {
    cell: Rc<RefCell<(TableQuery, String)>>,
    rerender: UseStateHandle<bool>,
}

impl TableState {
    pub fn query(&self) -> TableQuery {
        self.cell.borrow().0
    }

    /// Shows the table with `query`.
    fn set(&self, query: TableQuery) {
        self.cell.borrow_mut().0 = query;
        self.rerender.set(!*self.rerender);
    }
}

/// The table's state, kept in a cell, with a flag flipped to re-render (a `bool` state, a type
/// the widget has anyway): a state of its own type would be another copy of yew's state code in
/// the wasm (1.5 KB raw).
#[hook]
pub fn use_table() -> TableState {
    TableState {
        cell: use_mut_ref(|| (TableQuery::default(), next_group())),
        rerender: use_flag(),
    }
}

/// The table's view ([`JurisdictionTable`]), with its state from [`use_table`]. The widget's map
/// section keeps that state and calls this inside its render (a component is its own copy of
/// yew's code in the wasm; the sort and filter then also last while the reader looks at the map).
// Not inlined into the map section's render: V8 compiles each wasm function when it is first
// called, on the main thread, so code the first view does not run stays out of that compile.
#[inline(never)]
pub fn table_view(props: &TableProps, state: &TableState) -> Html {
    let query = &state.query();
    let group = state.cell.borrow().1.clone();
    let lang = props.lang;
    let t = ui(lang);
    let data = &props.data;
    let shown = rows(data, query);
    let total = count(data, None);

    let header = |key: SortKey, label: &'static str| {
        let sort = query.aria_sort(key);
        let icon = match sort {
            Some("ascending") => "▲",
            Some(_) => "▼",
            None => "↕",
        };
        let onclick = {
            let state = state.clone();
            Callback::from(move |_: MouseEvent| state.set(state.query().sort_by(key)))
        };
        html! {
            <th scope="col" role="columnheader" aria-sort={sort} class="se-table__sortable">
                <button type="button" class="se-sort" {onclick}>
                    { label }
                    <span class="se-sort__icon" data-unsorted={sort.is_none().then_some("")} aria-hidden="true">{ icon }</span>
                </button>
            </th>
        }
    };

    let filter = kind_filters(t).into_iter().map(|(kind, label)| {
        let onchange = {
            let state = state.clone();
            Callback::from(move |_: Event| state.set(state.query().with_kind(kind)))
        };
        let value = kind.map_or("all", |k| match k {
            Kind::State => "state",
            Kind::County => "county",
            Kind::City => "city",
        });
        html! {
            <label class="se-filter__option">
                <input
                    type="radio"
                    name={group.clone()}
                    value={value}
                    checked={query.kind == kind}
                    {onchange}
                />
                <span>{ label }<span class="se-filter__count">{ format!(" ({})", count(data, kind)) }</span></span>
            </label>
        }
    });

    let body = shown.iter().map(|j| {
        let selected = props.selected.as_deref() == Some(j.id.as_str());
        let onclick = {
            let id = AttrValue::from(j.id.clone());
            props.on_select.reform(move |_: MouseEvent| id.clone())
        };
        let tier = j.tier();
        html! {
            <tr
                key={j.id.clone()}
                role="row"
                class="se-table__row"
                aria-current={selected.then_some("true")}
                data-id={j.id.clone()}
            >
                <th scope="row" role="rowheader" class="se-table__cell se-table__cell--name">
                    <button type="button" class="se-table__name" {onclick}>{ j.name_in(props.lang) }</button>
                </th>
                <td role="cell" class="se-table__cell se-table__cell--kind" data-label={t.kind}>{ kind_cell(j, props.lang, t) }</td>
                <td role="cell" class="se-table__cell se-table__cell--tier" data-label={t.tier} data-tier={tier.key()}>
                    { tier_badge(tier, lang, "span") }
                </td>
                <td role="cell" class="se-table__cell se-table__cell--laws" data-label={t.laws}>{ laws_cell(j, lang, t) }</td>
            </tr>
        }
    });

    // The explicit roles keep the table's semantics where the narrow layout changes the
    // cells' `display` (some browsers drop them otherwise).
    html! {
        <div class="se-table">
            <fieldset class="se-filter">
                <legend class="se-filter__legend">{ t.filter_by_kind }</legend>
                <div class="se-filter__options">{ for filter }</div>
            </fieldset>
            <div class="se-table__frame">
                <table class="se-table__table" role="table">
                    <caption class="se-table__caption">
                        <span class="se-table__count">{ t.table_caption(shown.len(), total) }</span>
                        { " " }
                        <span class="se-table__hint">{ t.sortable_hint }</span>
                    </caption>
                    <thead role="rowgroup" class="se-table__head">
                        <tr role="row">
                            { header(SortKey::Name, t.name) }
                            <th scope="col" role="columnheader">{ t.kind }</th>
                            { header(SortKey::Tier, t.tier) }
                            <th scope="col" role="columnheader">{ t.laws }</th>
                        </tr>
                    </thead>
                    <tbody role="rowgroup">{ for body }</tbody>
                </table>
            </div>
        </div>
    }
}
