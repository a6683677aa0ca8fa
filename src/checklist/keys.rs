//! Every key of a checklist file that the format does not define, found in one walk of the
//! document.
//!
//! serde stops at the first unknown field; `checklist lint` should name them all, each with
//! its position and the nearest known key. The keys each level allows are read from the model's
//! own `Deserialize` implementations, so this walk cannot drift from what the loader accepts.

use serde_aux::serde_introspection::serde_introspect;

use super::model::{
    Checklist, Choice, Determination, Footnote, Guidance, OptionList, Question, SelfTest,
    Underlined,
};
use crate::document::{Node, Value};
use crate::error::{Diagnostic, Kind};

/// One level of the checklist format: the keys a mapping there may have, and the levels its
/// values open (a value that is a list holds mappings of that level).
struct Level {
    fields: fn() -> &'static [&'static str],
    children: &'static [(&'static str, &'static Level)],
}

static CHECKLIST: Level = Level {
    fields: serde_introspect::<Checklist>,
    children: &[
        ("footnotes", &FOOTNOTE),
        ("determinations", &DETERMINATION),
        ("questions", &QUESTION),
        ("tests", &SELF_TEST),
    ],
};
static FOOTNOTE: Level = Level {
    fields: serde_introspect::<Footnote>,
    children: &[],
};
static DETERMINATION: Level = Level {
    fields: serde_introspect::<Determination>,
    children: &[("underlined", &UNDERLINED)],
};
static UNDERLINED: Level = Level {
    fields: serde_introspect::<Underlined>,
    children: &[],
};
static QUESTION: Level = Level {
    fields: serde_introspect::<Question>,
    children: &[("guidance", &GUIDANCE), ("options", &OPTIONS)],
};
static GUIDANCE: Level = Level {
    fields: serde_introspect::<Guidance>,
    children: &[],
};
static OPTIONS: Level = Level {
    fields: serde_introspect::<OptionList>,
    children: &[("choices", &CHOICE)],
};
static CHOICE: Level = Level {
    fields: serde_introspect::<Choice>,
    children: &[],
};
static SELF_TEST: Level = Level {
    fields: serde_introspect::<SelfTest>,
    children: &[],
};

/// Every unknown key in the checklist document `root` (of `file`), in document order.
pub(super) fn unknown_keys(file: &str, root: &Node) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    // An explicit stack rather than recursion: the tree's depth is bounded by the parser, but
    // a walk that cannot overflow needs no argument about that.
    let mut stack = vec![(root, &CHECKLIST)];
    while let Some((node, level)) = stack.pop() {
        let Value::Map(entries) = &node.value else {
            continue;
        };
        let fields = (level.fields)();
        let mut children = Vec::new();
        for (key, value) in entries {
            let name = key.key_text();
            if !fields.contains(&name.as_ref()) {
                found.push(Diagnostic::new(
                    Kind::UnknownField,
                    file,
                    key.position,
                    format!(
                        "unknown field `{}`, {}expected one of {}",
                        crate::text::safe_message(&name),
                        crate::suggest::did_you_mean(crate::suggest::nearest(
                            &name,
                            fields.iter().copied()
                        )),
                        fields.join(", ")
                    ),
                ));
                continue;
            }
            let Some((_, child)) = level.children.iter().find(|(k, _)| *k == name) else {
                continue;
            };
            match &value.value {
                Value::Seq(items) => children.extend(items.iter().map(|item| (item, *child))),
                Value::Map(_) => children.push((value, *child)),
                _ => {}
            }
        }
        // Pushed in reverse so that the walk, and so the report, follows the document.
        stack.extend(children.into_iter().rev());
    }
    found.sort_by_key(|d| d.position.map(|p| (p.line, p.column)));
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_level_reads_its_keys_from_the_model() {
        // serde_introspect gives the names serde accepts; an empty list would mean the model
        // is no longer a plain struct and every key would be reported.
        for level in [
            &CHECKLIST,
            &FOOTNOTE,
            &DETERMINATION,
            &UNDERLINED,
            &QUESTION,
            &GUIDANCE,
            &OPTIONS,
            &CHOICE,
            &SELF_TEST,
        ] {
            let fields = (level.fields)();
            assert!(!fields.is_empty());
            for (child, _) in level.children {
                assert!(
                    fields.contains(child),
                    "{child} is not a field of its level"
                );
            }
        }
        assert!((QUESTION.fields)().contains(&"options"));
        assert!((CHOICE.fields)().contains(&"items"));
    }
}
