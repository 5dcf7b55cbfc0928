//! Languages and the widget's own interface strings. Story text comes from content files;
//! only the words the widget itself says live here.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "en")]
    En,
    #[serde(rename = "es")]
    Es,
}

impl Lang {
    /// Every language the widget speaks, in the language switch's order.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// Parses a `data-lang` value.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
        }
    }

    /// The language's name in itself, for the language switch.
    pub fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }
}

/// Every interface string, one field per use, so a missing translation is a compile error.
#[derive(Debug)]
pub struct Ui {
    pub as_of: &'static str,
    pub sources: &'static str,
    pub next_question: &'static str,
    pub back_to_first: &'static str,
    pub questions_label: &'static str,
    pub expand_all: &'static str,
    pub collapse_all: &'static str,
    pub map_failed: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    pub language: &'static str,
    /// After a language's name, when its story could not be downloaded.
    pub language_failed: &'static str,
    pub content_error: &'static str,
    pub map_label: &'static str,
    pub map_help: &'static str,
    pub legend: &'static str,
    pub view_map: &'static str,
    pub view_table: &'static str,
    pub view_as: &'static str,
    pub show_counties: &'static str,
    pub back_to_us: &'static str,
    pub loading_counties: &'static str,
    pub counties_failed: &'static str,
    /// In the detail panel and the table while the laws and sources are on their way.
    pub loading_details: &'static str,
    pub details_failed: &'static str,
    /// In an open question while its answer is on its way (the first view has the questions).
    pub loading_answer: &'static str,
    pub answer_failed: &'static str,
    pub retry: &'static str,
    pub close: &'static str,
    pub selected: &'static str,
    pub credit: &'static str,
    pub show_on_map: &'static str,
    pub mentioned_in: &'static str,
    pub own_policies: &'static str,
    pub state_layer: &'static str,
    pub no_policies_recorded: &'static str,
    pub not_reviewed: &'static str,
    pub secondary: &'static str,
    pub name: &'static str,
    pub kind: &'static str,
    pub tier: &'static str,
    pub laws: &'static str,
    pub all_kinds: &'static str,
    pub state: &'static str,
    pub county: &'static str,
    pub city: &'static str,
    pub filter_by_kind: &'static str,
    pub sort_by: &'static str,
    /// Plural kind names, for the table's filter.
    pub states: &'static str,
    pub counties: &'static str,
    pub cities: &'static str,
    /// The table's caption: `{shown}` and `{total}` are replaced; see [`Ui::table_caption`].
    pub showing: &'static str,
    pub sortable_hint: &'static str,
    /// For screen readers where a table cell shows "—".
    pub none_recorded: &'static str,
    pub timeline: &'static str,
    pub designations: &'static str,
    pub designations_note: &'static str,
    pub notes: &'static str,
}

impl Ui {
    /// The table's caption: "Showing 5 of 58 jurisdictions".
    pub fn table_caption(&self, shown: usize, total: usize) -> String {
        self.showing
            .replace("{shown}", &shown.to_string())
            .replace("{total}", &total.to_string())
    }
}

pub const EN: Ui = Ui {
    as_of: "As of",
    sources: "Sources",
    next_question: "Next question",
    back_to_first: "Back to the first question",
    questions_label: "Questions and answers",
    expand_all: "Expand all",
    collapse_all: "Collapse all",
    map_failed: "The map could not be loaded.",
    copy_link: "Copy link",
    link_copied: "Link copied",
    language: "Language",
    language_failed: "could not be loaded. Check your connection and try again.",
    content_error: "This explainer's content file has problems, so the explainer cannot be shown:",
    map_label: "Map of jurisdictional protections",
    map_help: "Use the arrow keys to move between places, Enter to select, Escape to go back.",
    legend: "Legend",
    view_map: "Map",
    view_table: "Table",
    view_as: "View as",
    show_counties: "Show counties and cities",
    back_to_us: "Back to the U.S. map",
    loading_counties: "Loading counties…",
    counties_failed: "The county map could not be loaded.",
    loading_details: "Loading the laws and sources…",
    details_failed: "The laws and sources could not be loaded.",
    loading_answer: "Loading the answer…",
    answer_failed: "The answer could not be loaded.",
    retry: "Try again",
    close: "Close",
    selected: "Selected",
    credit: "Map: U.S. Census Bureau, via us-atlas",
    show_on_map: "Show on the map",
    mentioned_in: "In the questions",
    own_policies: "Its own laws and policies",
    state_layer: "State law that applies here",
    no_policies_recorded: "No laws recorded in this data.",
    not_reviewed: "Not reviewed: this jurisdiction's own laws are unknown to this explainer.",
    secondary: "Rests on a secondary source",
    name: "Name",
    kind: "Kind",
    tier: "Category",
    laws: "Laws",
    all_kinds: "All",
    state: "State",
    county: "County",
    city: "City",
    filter_by_kind: "Show",
    sort_by: "Sort by",
    states: "States",
    counties: "Counties",
    cities: "Cities",
    showing: "Showing {shown} of {total} jurisdictions",
    sortable_hint: "Column headings with buttons sort the table.",
    none_recorded: "None recorded",
    timeline: "Timeline",
    designations: "Named on lists",
    designations_note: "Being named on a list does not change the category.",
    notes: "Other facts",
};

pub const ES: Ui = Ui {
    as_of: "Actualizado al",
    sources: "Fuentes",
    next_question: "Siguiente pregunta",
    back_to_first: "Volver a la primera pregunta",
    questions_label: "Preguntas y respuestas",
    expand_all: "Abrir todas",
    collapse_all: "Cerrar todas",
    map_failed: "No se pudo cargar el mapa.",
    copy_link: "Copiar enlace",
    link_copied: "Enlace copiado",
    language: "Idioma",
    language_failed: "no se pudo cargar. Compruebe su conexión e inténtelo de nuevo.",
    content_error:
        "El archivo de contenido de este explicativo tiene problemas y no se puede mostrar:",
    map_label: "Mapa de protecciones por jurisdicción",
    map_help:
        "Use las flechas para moverse entre lugares, Intro para seleccionar y Escape para volver.",
    legend: "Leyenda",
    view_map: "Mapa",
    view_table: "Tabla",
    view_as: "Ver como",
    show_counties: "Ver condados y ciudades",
    back_to_us: "Volver al mapa de EE. UU.",
    loading_counties: "Cargando condados…",
    counties_failed: "No se pudo cargar el mapa de condados.",
    loading_details: "Cargando las leyes y las fuentes…",
    details_failed: "No se pudieron cargar las leyes y las fuentes.",
    loading_answer: "Cargando la respuesta…",
    answer_failed: "No se pudo cargar la respuesta.",
    retry: "Reintentar",
    close: "Cerrar",
    selected: "Seleccionado",
    credit: "Mapa: Oficina del Censo de EE. UU., vía us-atlas",
    show_on_map: "Mostrar en el mapa",
    mentioned_in: "En las preguntas",
    own_policies: "Sus propias leyes y políticas",
    state_layer: "Ley estatal que se aplica aquí",
    no_policies_recorded: "No hay leyes registradas en estos datos.",
    not_reviewed: "Sin revisar: este explicativo no conoce las leyes propias de esta jurisdicción.",
    secondary: "Se basa en una fuente secundaria",
    name: "Nombre",
    kind: "Tipo",
    tier: "Categoría",
    laws: "Leyes",
    all_kinds: "Todos",
    state: "Estado",
    county: "Condado",
    city: "Ciudad",
    filter_by_kind: "Mostrar",
    sort_by: "Ordenar por",
    states: "Estados",
    counties: "Condados",
    cities: "Ciudades",
    showing: "Se muestran {shown} de {total} jurisdicciones",
    sortable_hint: "Los encabezados de columna con botón ordenan la tabla.",
    none_recorded: "Ninguna registrada",
    timeline: "Cronología",
    designations: "Listas en las que figura",
    designations_note: "Figurar en una lista no cambia la categoría.",
    notes: "Otros datos",
};

pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_caption_fills_in_the_counts() {
        assert_eq!(EN.table_caption(5, 58), "Showing 5 of 58 jurisdictions");
        assert_eq!(
            ES.table_caption(58, 58),
            "Se muestran 58 de 58 jurisdicciones"
        );
    }
}
