//! Walks rich text in its JSON form (the view model as the layout reads it): shared by the
//! layout tests and the markup fuzz target, which serialises the parser's blocks.

use serde_json::Value;

/// Counts the footnotes (`{"type": "note"}` nodes) anywhere below `v`.
pub fn count_notes(v: &Value) -> usize {
    match v {
        Value::Object(m) => {
            usize::from(m.get("type").and_then(|t| t.as_str()) == Some("note"))
                + m.values().map(count_notes).sum::<usize>()
        }
        Value::Array(a) => a.iter().map(count_notes).sum(),
        _ => 0,
    }
}

/// Every character that ends up printed below `v` (text, link targets), footnotes included.
pub fn all_text(v: &Value) -> String {
    fn walk(v: &Value, out: &mut String) {
        match v {
            Value::Object(m) => {
                for key in ["text", "url"] {
                    if let Some(Value::String(s)) = m.get(key) {
                        out.push_str(s);
                    }
                }
                for (k, child) in m {
                    if k != "text" && k != "url" {
                        walk(child, out);
                    }
                }
            }
            Value::Array(a) => a.iter().for_each(|c| walk(c, out)),
            _ => {}
        }
    }
    let mut out = String::new();
    walk(v, &mut out);
    out
}
