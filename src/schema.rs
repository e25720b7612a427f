//! Validates a parsed JSON file against the JSON Schema generated from our types, collecting
//! every problem (not just the first) with its JSON path, what was expected, and a "did you
//! mean" for misspelt keys. Supports the subset of JSON Schema that schemars emits.

use serde_json::Value as Schema;

use crate::json::{Node, PathSeg, Value};

/// One schema violation.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub path: Vec<PathSeg>,
    /// Point at the key rather than the value (unknown or misspelt keys).
    pub at_key: bool,
    pub message: String,
    pub hints: Vec<String>,
}

/// Options of a validation run.
#[derive(Debug, Clone, Copy, Default)]
pub struct Options {
    /// Missing required keys are not violations (files that fall back to another language).
    pub allow_missing: bool,
}

pub fn validate(schema: &Schema, node: &Node, options: Options) -> Vec<Violation> {
    let mut v = Validator {
        root: schema,
        options,
        out: Vec::new(),
    };
    let mut path = Vec::new();
    v.check(schema, node, &mut path);
    v.out
}

struct Validator<'a> {
    root: &'a Schema,
    options: Options,
    out: Vec<Violation>,
}

impl<'a> Validator<'a> {
    fn resolve(&self, schema: &'a Schema) -> &'a Schema {
        let mut s = schema;
        for _ in 0..32 {
            match s.get("$ref").and_then(Schema::as_str) {
                Some(r) => match r
                    .strip_prefix("#/")
                    .map(|p| p.split('/').try_fold(self.root, |acc, seg| acc.get(seg)))
                {
                    Some(Some(target)) => s = target,
                    _ => return s,
                },
                None => return s,
            }
        }
        s
    }

    fn push(&mut self, path: &[PathSeg], at_key: bool, message: String, hints: Vec<String>) {
        self.out.push(Violation {
            path: path.to_vec(),
            at_key,
            message,
            hints,
        });
    }

    /// Whether `node` matches `schema`, without recording anything.
    fn matches(&self, schema: &'a Schema, node: &Node) -> bool {
        let mut probe = Validator {
            root: self.root,
            options: self.options,
            out: Vec::new(),
        };
        probe.check(schema, node, &mut Vec::new());
        probe.out.is_empty()
    }

    fn check(&mut self, schema: &'a Schema, node: &Node, path: &mut Vec<PathSeg>) {
        let schema = self.resolve(schema);
        if let Some(Schema::Bool(false)) = Some(schema) {
            self.push(path, false, "no value is allowed here".into(), vec![]);
            return;
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(Schema::Array(options)) = schema.get(key) {
                if options.iter().any(|o| self.matches(o, node)) {
                    return;
                }
                // Report against the option of the right type, if there is exactly one.
                let typed: Vec<&Schema> = options
                    .iter()
                    .filter(|o| type_ok(self.resolve(o), node))
                    .collect();
                if typed.len() == 1 {
                    self.check(typed[0], node, path);
                } else {
                    let expected = describe_options(self, options);
                    self.push(
                        path,
                        false,
                        format!("expected {expected}, found {}", found(node)),
                        vec![],
                    );
                }
                return;
            }
        }
        if let Some(c) = schema.get("const") {
            if node.to_serde() != *c {
                self.push(
                    path,
                    false,
                    format!("expected {c}, found {}", found(node)),
                    vec![],
                );
            }
            return;
        }
        if let Some(Schema::Array(values)) = schema.get("enum") {
            let v = node.to_serde();
            if !values.contains(&v) {
                let list: Vec<String> = values.iter().map(|x| x.to_string()).collect();
                let mut hints = vec![];
                if let serde_json::Value::String(s) = &v
                    && let Some(near) = closest(s, values.iter().filter_map(|x| x.as_str()))
                {
                    hints.push(format!("did you mean \"{near}\"?"));
                }
                self.push(
                    path,
                    false,
                    format!("expected one of {}, found {}", list.join(", "), found(node)),
                    hints,
                );
            }
            return;
        }
        if !type_ok(schema, node) {
            let expected = describe_type(schema);
            self.push(
                path,
                false,
                format!("expected {expected}, found {}", found(node)),
                vec![],
            );
            return;
        }
        match &node.value {
            Value::Object(members) => self.check_object(schema, node, members, path),
            Value::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        path.push(PathSeg::Index(i));
                        self.check(item_schema, item, path);
                        path.pop();
                    }
                }
            }
            Value::Number(n) => {
                let x = n.as_f64().unwrap_or(0.0);
                if let Some(min) = schema.get("minimum").and_then(Schema::as_f64)
                    && x < min
                {
                    self.push(
                        path,
                        false,
                        format!("expected a number of at least {min}, found {n}"),
                        vec![],
                    );
                }
                if let Some(max) = schema.get("maximum").and_then(Schema::as_f64)
                    && x > max
                {
                    self.push(
                        path,
                        false,
                        format!("expected a number of at most {max}, found {n}"),
                        vec![],
                    );
                }
            }
            Value::String(s) => {
                if let Some(pattern) = schema.get("pattern").and_then(Schema::as_str)
                    && let Ok(re) = regex_lite::Regex::new(pattern)
                    && !re.is_match(s)
                {
                    let what = schema
                        .get("description")
                        .and_then(Schema::as_str)
                        .unwrap_or("");
                    let hint = what.lines().next().unwrap_or("").to_string();
                    self.push(
                        path,
                        false,
                        format!("\"{s}\" does not have the expected form (pattern {pattern})"),
                        if hint.is_empty() { vec![] } else { vec![hint] },
                    );
                }
            }
            _ => {}
        }
    }

    fn check_object(
        &mut self,
        schema: &'a Schema,
        _node: &Node,
        members: &[crate::json::Member],
        path: &mut Vec<PathSeg>,
    ) {
        let props = schema.get("properties").and_then(Schema::as_object);
        let additional = schema.get("additionalProperties");
        for m in members {
            path.push(PathSeg::Key(m.key.clone()));
            match props.and_then(|p| p.get(&m.key)) {
                Some(prop) => self.check(prop, &m.value, path),
                None => match additional {
                    Some(Schema::Bool(false)) => {
                        let allowed: Vec<&str> = props
                            .map(|p| p.keys().map(String::as_str).collect())
                            .unwrap_or_default();
                        let mut hints = Vec::new();
                        if let Some(near) = closest(&m.key, allowed.iter().copied()) {
                            hints.push(format!("did you mean `{near}`?"));
                        }
                        hints.push(format!(
                            "the fields allowed here are: {}",
                            allowed
                                .iter()
                                .map(|k| format!("`{k}`"))
                                .collect::<Vec<_>>()
                                .join(", ")
                        ));
                        self.push(path, true, format!("unknown field `{}`", m.key), hints);
                    }
                    Some(extra) if extra.is_object() => self.check(extra, &m.value, path),
                    _ => {}
                },
            }
            path.pop();
        }
        if !self.options.allow_missing
            && let Some(Schema::Array(required)) = schema.get("required")
        {
            for key in required.iter().filter_map(Schema::as_str) {
                if !members.iter().any(|m| m.key == key) {
                    let expected = props
                        .and_then(|p| p.get(key))
                        .map(|s| describe_type(self.resolve(s)))
                        .unwrap_or_else(|| "a value".into());
                    self.push(
                        path,
                        false,
                        format!("missing field `{key}` (expected {expected})"),
                        vec![],
                    );
                }
            }
        }
    }
}

fn found(node: &Node) -> String {
    match &node.value {
        Value::String(s) if s.chars().count() <= 40 => format!("the string \"{s}\""),
        Value::Number(n) => format!("the number {n}"),
        Value::Bool(b) => format!("`{b}`"),
        _ => node.type_name().to_string(),
    }
}

fn type_names(schema: &Schema) -> Vec<&str> {
    match schema.get("type") {
        Some(Schema::String(t)) => vec![t.as_str()],
        Some(Schema::Array(ts)) => ts.iter().filter_map(Schema::as_str).collect(),
        _ => vec![],
    }
}

fn type_ok(schema: &Schema, node: &Node) -> bool {
    let types = type_names(schema);
    if types.is_empty() {
        return true;
    }
    types.iter().any(|t| match (*t, &node.value) {
        ("null", Value::Null) | ("boolean", Value::Bool(_)) | ("string", Value::String(_)) => true,
        ("array", Value::Array(_)) | ("object", Value::Object(_)) => true,
        ("number", Value::Number(_)) => true,
        ("integer", Value::Number(n)) => n.is_i64() || n.is_u64(),
        _ => false,
    })
}

fn describe_type(schema: &Schema) -> String {
    if let Some(Schema::Array(values)) = schema.get("enum") {
        let list: Vec<String> = values.iter().map(|x| x.to_string()).collect();
        return format!("one of {}", list.join(", "));
    }
    let names: Vec<&str> = type_names(schema)
        .into_iter()
        .map(|t| match t {
            "null" => "null",
            "boolean" => "true or false",
            "string" => "a string",
            "array" => "an array",
            "object" => "an object",
            "number" => "a number",
            "integer" => "a whole number",
            other => other,
        })
        .collect();
    if names.is_empty() {
        "a value".into()
    } else {
        names.join(" or ")
    }
}

fn describe_options(v: &Validator<'_>, options: &[Schema]) -> String {
    let mut parts: Vec<String> = options
        .iter()
        .map(|o| describe_type(v.resolve(o)))
        .collect();
    parts.dedup();
    parts.join(" or ")
}

/// The candidate closest to `word` by edit distance, if it is close enough to be a typo.
pub fn closest<'a>(word: &str, candidates: impl Iterator<Item = &'a str>) -> Option<&'a str> {
    let limit = (word.chars().count() / 3).max(1);
    candidates
        .map(|c| (levenshtein(&word.to_lowercase(), &c.to_lowercase()), c))
        .filter(|(d, _)| *d <= limit)
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

/// Edit distance counting insertions, deletions, substitutions and swaps of neighbours.
fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j] + 1)
                .min(d[i][j - 1] + 1)
                .min(d[i - 1][j - 1] + cost);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_all_problems_with_suggestions() {
        let schema = serde_json::json!({
            "type": "object",
            "properties": { "year": { "type": "integer" }, "title": { "type": "string" } },
            "required": ["year", "title"],
            "additionalProperties": false
        });
        let node = crate::json::parse(r#"{"year": "x", "titel": 1}"#).unwrap();
        let v = validate(&schema, &node, Options::default());
        assert_eq!(v.len(), 3, "{v:?}");
        assert!(v[0].message.contains("expected a whole number"));
        assert_eq!(v[1].hints[0], "did you mean `title`?");
        assert!(v[2].message.contains("missing field `title`"));
    }
}
