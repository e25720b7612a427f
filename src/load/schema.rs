//! Validates a parsed JSON file against the JSON Schema generated from our types, collecting
//! every problem (not just the first) with its JSON path, what was expected, and a "did you
//! mean" for misspelt keys. Supports the subset of JSON Schema that schemars emits.

use serde_json::Value as Schema;

use super::json::At;
use super::json::{Member, Node, PathSeg, Value};

/// One schema violation.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    pub path: Vec<PathSeg>,
    /// Point at the key (unknown or misspelt keys) or the value.
    pub at: At,
    pub message: String,
    pub hints: Vec<String>,
}

/// Validates `node` against `schema`, returning every violation.
pub fn validate(schema: &Schema, node: &Node) -> Vec<Violation> {
    let mut v = Validator {
        root: schema,
        out: Vec::new(),
    };
    v.check(schema, node, &mut Vec::new());
    v.out
}

/// The schema with no required keys: for texts that may leave keys out and fall back to
/// English (every language but the reference one). The same variant is what a standard
/// validator is given in the tests, so both agree on what "valid" means.
pub fn without_required(schema: &Schema) -> Schema {
    match schema {
        Schema::Object(map) => Schema::Object(
            map.iter()
                .filter(|(k, _)| *k != "required")
                .map(|(k, v)| (k.clone(), without_required(v)))
                .collect(),
        ),
        Schema::Array(items) => Schema::Array(items.iter().map(without_required).collect()),
        other => other.clone(),
    }
}

struct Validator<'a> {
    root: &'a Schema,
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

    fn push(&mut self, path: &[PathSeg], at: At, message: String, hints: Vec<String>) {
        self.out.push(Violation {
            path: path.to_vec(),
            at,
            message,
            hints,
        });
    }

    /// Whether `node` matches `schema`, without recording anything.
    fn matches(&self, schema: &'a Schema, node: &Node) -> bool {
        let mut probe = Validator {
            root: self.root,
            out: Vec::new(),
        };
        probe.check(schema, node, &mut Vec::new());
        probe.out.is_empty()
    }

    fn check(&mut self, schema: &'a Schema, node: &Node, path: &mut Vec<PathSeg>) {
        let schema = self.resolve(schema);
        if let Schema::Bool(false) = schema {
            self.push(path, At::Value, "no value is allowed here".into(), vec![]);
            return;
        }
        for key in ["anyOf", "oneOf"] {
            if let Some(Schema::Array(options)) = schema.get(key) {
                self.check_alternatives(options, node, path);
                return;
            }
        }
        if let Some(c) = schema.get("const") {
            if node.to_serde() != *c {
                let message = format!("expected {c}, found {}", found(node));
                self.push(path, At::Value, message, vec![]);
            }
            return;
        }
        if let Some(Schema::Array(values)) = schema.get("enum") {
            self.check_enum(values, node, path);
            return;
        }
        if !type_ok(schema, node) {
            let message = format!("expected {}, found {}", describe_type(schema), found(node));
            self.push(path, At::Value, message, vec![]);
            return;
        }
        match &node.value {
            Value::Object(members) => self.check_object(schema, members, path),
            Value::Array(items) => {
                if let Some(item_schema) = schema.get("items") {
                    for (i, item) in items.iter().enumerate() {
                        path.push(PathSeg::Index(i));
                        self.check(item_schema, item, path);
                        path.pop();
                    }
                }
            }
            Value::Number(n) => self.check_range(schema, n, path),
            Value::String(s) => self.check_pattern(schema, s, path),
            _ => {}
        }
    }

    /// `anyOf`/`oneOf`: fine when one option matches; otherwise the problems are reported
    /// against the option of the right type, if there is exactly one.
    fn check_alternatives(&mut self, options: &'a [Schema], node: &Node, path: &mut Vec<PathSeg>) {
        if options.iter().any(|o| self.matches(o, node)) {
            return;
        }
        let typed: Vec<&Schema> = options
            .iter()
            .filter(|o| type_ok(self.resolve(o), node))
            .collect();
        if typed.len() == 1 {
            self.check(typed[0], node, path);
        } else {
            let expected = describe_options(self, options);
            let message = format!("expected {expected}, found {}", found(node));
            self.push(path, At::Value, message, vec![]);
        }
    }

    fn check_enum(&mut self, values: &[Schema], node: &Node, path: &[PathSeg]) {
        let v = node.to_serde();
        if values.contains(&v) {
            return;
        }
        let list: Vec<String> = values.iter().map(|x| x.to_string()).collect();
        let mut hints = vec![];
        if let serde_json::Value::String(s) = &v
            && let Some(near) = closest(s, values.iter().filter_map(|x| x.as_str()))
        {
            hints.push(format!("did you mean \"{near}\"?"));
        }
        let message = format!("expected one of {}, found {}", list.join(", "), found(node));
        self.push(path, At::Value, message, hints);
    }

    fn check_range(&mut self, schema: &Schema, n: &serde_json::Number, path: &[PathSeg]) {
        let x = n.as_f64().unwrap_or(0.0);
        if let Some(min) = schema.get("minimum").and_then(Schema::as_f64)
            && x < min
        {
            let message = format!("expected a number of at least {min}, found {n}");
            self.push(path, At::Value, message, vec![]);
        }
        if let Some(max) = schema.get("maximum").and_then(Schema::as_f64)
            && x > max
        {
            let message = format!("expected a number of at most {max}, found {n}");
            self.push(path, At::Value, message, vec![]);
        }
    }

    fn check_pattern(&mut self, schema: &Schema, s: &str, path: &[PathSeg]) {
        let Some(pattern) = schema.get("pattern").and_then(Schema::as_str) else {
            return;
        };
        if regex_lite::Regex::new(pattern).is_ok_and(|re| !re.is_match(s)) {
            let what = schema
                .get("description")
                .and_then(Schema::as_str)
                .unwrap_or("");
            let hint = what.lines().next().unwrap_or("").to_string();
            self.push(
                path,
                At::Value,
                format!("\"{s}\" does not have the expected form (pattern {pattern})"),
                if hint.is_empty() { vec![] } else { vec![hint] },
            );
        }
    }

    fn check_object(&mut self, schema: &'a Schema, members: &[Member], path: &mut Vec<PathSeg>) {
        let props = schema.get("properties").and_then(Schema::as_object);
        let additional = schema.get("additionalProperties");
        for m in members {
            path.push(PathSeg::Key(m.key.clone()));
            match (props.and_then(|p| p.get(&m.key)), additional) {
                (Some(prop), _) => self.check(prop, &m.value, path),
                (None, Some(Schema::Bool(false))) => self.unknown_field(props, &m.key, path),
                (None, Some(extra)) if extra.is_object() => self.check(extra, &m.value, path),
                _ => {}
            }
            path.pop();
        }
        let Some(Schema::Array(required)) = schema.get("required") else {
            return;
        };
        for key in required.iter().filter_map(Schema::as_str) {
            if !members.iter().any(|m| m.key == key) {
                let expected = props
                    .and_then(|p| p.get(key))
                    .map(|s| describe_type(self.resolve(s)))
                    .unwrap_or_else(|| "a value".into());
                let message = format!("missing field `{key}` (expected {expected})");
                self.push(path, At::Value, message, vec![]);
            }
        }
    }

    fn unknown_field(
        &mut self,
        props: Option<&serde_json::Map<String, Schema>>,
        key: &str,
        path: &[PathSeg],
    ) {
        let allowed: Vec<&str> = props
            .map(|p| p.keys().map(String::as_str).collect())
            .unwrap_or_default();
        let mut hints = Vec::new();
        if let Some(near) = closest(key, allowed.iter().copied()) {
            hints.push(format!("did you mean `{near}`?"));
        }
        let list: Vec<String> = allowed.iter().map(|k| format!("`{k}`")).collect();
        hints.push(format!("the fields allowed here are: {}", list.join(", ")));
        self.push(path, At::Key, format!("unknown field `{key}`"), hints);
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
        let node = crate::load::json::parse(r#"{"year": "x", "titel": 1}"#).unwrap();
        let v = validate(&schema, &node);
        assert_eq!(v.len(), 3, "{v:?}");
        assert!(v[0].message.contains("expected a whole number"));
        assert_eq!(v[1].hints[0], "did you mean `title`?");
        assert!(v[2].message.contains("missing field `title`"));
    }
}
