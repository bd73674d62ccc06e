//! Fields of the wrong type, said the same way by every family that checks
//! a list or map of strings (hook `args`/`headers`, MCP `args`/`env`/
//! `headers`, LSP `args`/`env`): each problem as its span, message and help.

use crate::model::value::{Field, List, Map};
use crate::source::Span;

/// Problems found: where, what, and the help to give.
pub type Bad = Vec<(Span, String, &'static str)>;

/// `a string`, `an array`.
pub use crate::rules::servers::mcp_server_not_object::a;

/// `f` is not an array of strings, or an item of it is not a string.
pub fn string_list(f: &Field<List<String>>, key: &str, help: &'static str, bad: &mut Bad) {
    match &f.value {
        Err(k) => bad.push((
            f.span,
            format!("`{key}` is {}, not an array of strings", a(*k)),
            help,
        )),
        Ok(l) => {
            for i in l.iter() {
                if let Err(k) = i.value {
                    bad.push((
                        i.span,
                        format!("an item of `{key}` is {}, not a string", a(k)),
                        help,
                    ));
                }
            }
        }
    }
}

/// `f` is not an object of strings, or a value in it is not a string.
pub fn string_map(f: &Field<Map<String>>, key: &str, help: &'static str, bad: &mut Bad) {
    match &f.value {
        Err(k) => bad.push((
            f.span,
            format!("`{key}` is {}, not an object of strings", a(*k)),
            help,
        )),
        Ok(m) => {
            for e in m.iter() {
                if let Err(k) = e.value {
                    bad.push((
                        e.span,
                        format!("`{key}.{}` is {}, not a string", e.key, a(k)),
                        help,
                    ));
                }
            }
        }
    }
}
