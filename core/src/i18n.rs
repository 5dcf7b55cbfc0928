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
    /// Parses a `data-lang` value.
    pub fn parse(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "es" => Some(Lang::Es),
            _ => None,
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
}

pub const EN: Ui = Ui {
    as_of: "As of",
    sources: "Sources",
    next_question: "Next question",
    back_to_first: "Back to the first question",
    questions_label: "Questions and answers",
    expand_all: "Expand all",
    collapse_all: "Collapse all",
};

pub const ES: Ui = Ui {
    as_of: "Actualizado al",
    sources: "Fuentes",
    next_question: "Siguiente pregunta",
    back_to_first: "Volver a la primera pregunta",
    questions_label: "Preguntas y respuestas",
    expand_all: "Abrir todas",
    collapse_all: "Cerrar todas",
};

pub fn ui(lang: Lang) -> &'static Ui {
    match lang {
        Lang::En => &EN,
        Lang::Es => &ES,
    }
}
