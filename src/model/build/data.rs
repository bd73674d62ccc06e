//! JSON documents that name a local `$schema`, validated against it.

use crate::model::*;
use crate::parse::json::JsonDoc;
use crate::source::{self, FileId, SourceDb};
use std::collections::HashMap;

/// Validate JSON documents against the local schema their `$schema` names.
pub(super) fn validate_data(
    data: Vec<(FileId, String, JsonDoc, String)>,
    db: &SourceDb,
) -> Vec<DataFile> {
    // Each schema is read and compiled once, however many files name it the
    // same way (the spelling is part of the key: it is quoted in errors).
    let mut compiled: HashMap<(Option<String>, String), Result<jsonschema::Validator, String>> =
        HashMap::new();
    data.into_iter()
        .map(|(file, path, doc, schema)| {
            let schema_path = source::join(source::parent(&path), &schema);
            let span = doc
                .root
                .get("$schema")
                .map_or(crate::source::Span::default(), |n| n.span);
            let key = (schema_path.clone(), schema.clone());
            let validator = compiled.entry(key).or_insert_with(|| {
                let text = schema_path
                    .as_deref()
                    .and_then(|p| db.find(p))
                    .map(|id| db.text(id))
                    .ok_or_else(|| format!("schema `{schema}` does not exist"))?;
                let v =
                    serde_json::from_str::<serde_json::Value>(text.trim_start_matches('\u{feff}'))
                        .map_err(|e| format!("schema `{schema}` is not valid JSON: {e}"))?;
                jsonschema::validator_for(&v)
                    .map_err(|e| format!("schema `{schema}` is not a valid JSON Schema: {e}"))
            });
            let result = match validator {
                Ok(v) => Ok(crate::model::schema::errors(v, &doc.root)),
                Err(e) => Err(e.clone()),
            };
            DataFile {
                file,
                schema,
                schema_span: span,
                result,
            }
        })
        .collect()
}
