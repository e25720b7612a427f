//! A small JSON parser that remembers where every value and key stands in the file, so that
//! every later problem — schema, cross-file, rendering — can point at a line and column.
//! (serde_json reports positions only for syntax errors, and only the first one.)

/// A parsed JSON value with its byte range in the source text.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub value: Value,
    pub start: usize,
    pub end: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Number(serde_json::Number),
    String(String),
    Array(Vec<Node>),
    Object(Vec<Member>),
}

/// An object member: the key with its range, and the value.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    pub key: String,
    pub key_start: usize,
    pub key_end: usize,
    pub value: Node,
}

/// A syntax error at a byte offset.
#[derive(Debug, Clone, PartialEq)]
pub struct SyntaxError {
    pub offset: usize,
    pub message: String,
}

/// Deepest nesting accepted; deeper input is refused rather than overflowing the stack.
const MAX_DEPTH: usize = 200;

pub fn parse(text: &str) -> Result<Node, SyntaxError> {
    let mut p = Parser {
        text,
        bytes: text.as_bytes(),
        pos: 0,
    };
    p.skip_ws();
    let node = p.value(0)?;
    p.skip_ws();
    if p.pos < p.bytes.len() {
        return Err(p.error("expected the end of the file after the top-level value"));
    }
    Ok(node)
}

impl Node {
    /// The value as serde_json's tree (for typed deserialisation after validation).
    pub fn to_serde(&self) -> serde_json::Value {
        match &self.value {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => serde_json::Value::Bool(*b),
            Value::Number(n) => serde_json::Value::Number(n.clone()),
            Value::String(s) => serde_json::Value::String(s.clone()),
            Value::Array(items) => {
                serde_json::Value::Array(items.iter().map(Node::to_serde).collect())
            }
            Value::Object(members) => serde_json::Value::Object(
                members
                    .iter()
                    .map(|m| (m.key.clone(), m.value.to_serde()))
                    .collect(),
            ),
        }
    }

    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Member> {
        match &self.value {
            Value::Object(members) => members.iter().find(|m| m.key == key),
            _ => None,
        }
    }

    /// Follows a path of object keys and array indices.
    pub fn find(&self, path: &[PathSeg]) -> Option<&Node> {
        let mut node = self;
        for seg in path {
            node = match (seg, &node.value) {
                (PathSeg::Key(k), Value::Object(_)) => &node.get(k)?.value,
                (PathSeg::Index(i), Value::Array(items)) => items.get(*i)?,
                _ => return None,
            };
        }
        Some(node)
    }

    /// The range of the key of the last path segment when it is an object key, else the value.
    pub fn key_range(&self, path: &[PathSeg]) -> Option<(usize, usize)> {
        let (last, parent) = path.split_last()?;
        let parent = self.find(parent)?;
        match last {
            PathSeg::Key(k) => parent.get(k).map(|m| (m.key_start, m.key_end)),
            PathSeg::Index(_) => self.find(path).map(|n| (n.start, n.end)),
        }
    }

    pub fn type_name(&self) -> &'static str {
        match &self.value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            Value::Number(_) => "a number",
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        }
    }
}

/// Which part of a JSON member a problem points at: its key (an unknown or misspelt key) or
/// its value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum At {
    Key,
    Value,
}

/// One step of a JSON path.
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathSeg {
    Key(String),
    Index(usize),
}

/// Formats a path as `$.a.b[2]` (keys that are not identifiers in brackets and quotes).
pub fn format_path(path: &[PathSeg]) -> String {
    let mut out = String::from("$");
    for seg in path {
        match seg {
            PathSeg::Key(k)
                if !k.is_empty()
                    && k.chars()
                        .all(|c| c.is_alphanumeric() || c == '_' || c == '-') =>
            {
                out.push('.');
                out.push_str(k);
            }
            PathSeg::Key(k) => out.push_str(&format!("[{}]", serde_json::Value::String(k.clone()))),
            PathSeg::Index(i) => out.push_str(&format!("[{i}]")),
        }
    }
    out
}

struct Parser<'a> {
    text: &'a str,
    bytes: &'a [u8],
    pos: usize,
}

impl Parser<'_> {
    fn error(&self, message: impl Into<String>) -> SyntaxError {
        SyntaxError {
            offset: self.pos,
            message: message.into(),
        }
    }

    fn found(&self) -> String {
        match self.text[self.pos..].chars().next() {
            None => "the end of the file".into(),
            Some(c) if c.is_control() => format!("the control character U+{:04X}", c as u32),
            Some(c) => format!("`{c}`"),
        }
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.bytes.get(self.pos) {
            if matches!(b, b' ' | b'\t' | b'\n' | b'\r') {
                self.pos += 1;
            } else {
                break;
            }
        }
    }

    fn value(&mut self, depth: usize) -> Result<Node, SyntaxError> {
        if depth > MAX_DEPTH {
            return Err(self.error(format!("nesting deeper than {MAX_DEPTH} levels")));
        }
        let start = self.pos;
        let value = match self.bytes.get(self.pos) {
            Some(b'{') => self.object(depth)?,
            Some(b'[') => self.array(depth)?,
            Some(b'"') => Value::String(self.string()?),
            Some(b't') => self.word("true", Value::Bool(true))?,
            Some(b'f') => self.word("false", Value::Bool(false))?,
            Some(b'n') => self.word("null", Value::Null)?,
            Some(b'-' | b'0'..=b'9') => self.number()?,
            _ => {
                return Err(self.error(format!(
                    "expected a value (string, number, object, array, true, false or null), found {}",
                    self.found()
                )));
            }
        };
        Ok(Node {
            value,
            start,
            end: self.pos,
        })
    }

    fn word(&mut self, word: &str, value: Value) -> Result<Value, SyntaxError> {
        if self.text[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(value)
        } else {
            Err(self.error(format!(
                "expected `{word}` or another value, found {}",
                self.found()
            )))
        }
    }

    fn number(&mut self) -> Result<Value, SyntaxError> {
        let start = self.pos;
        if self.bytes.get(self.pos) == Some(&b'-') {
            self.pos += 1;
        }
        let digits = |p: &mut Self| {
            let s = p.pos;
            while p.bytes.get(p.pos).is_some_and(u8::is_ascii_digit) {
                p.pos += 1;
            }
            p.pos > s
        };
        if !digits(self) {
            return Err(self.error("expected digits in a number"));
        }
        if self.bytes.get(self.pos) == Some(&b'.') {
            self.pos += 1;
            if !digits(self) {
                return Err(self.error("expected digits after the decimal point"));
            }
        }
        if matches!(self.bytes.get(self.pos), Some(b'e' | b'E')) {
            self.pos += 1;
            if matches!(self.bytes.get(self.pos), Some(b'+' | b'-')) {
                self.pos += 1;
            }
            if !digits(self) {
                return Err(self.error("expected digits in the exponent"));
            }
        }
        let text = &self.text[start..self.pos];
        let number: serde_json::Number = serde_json::from_str(text).map_err(|_| SyntaxError {
            offset: start,
            message: format!("the number {text} is out of range"),
        })?;
        Ok(Value::Number(number))
    }

    fn string(&mut self) -> Result<String, SyntaxError> {
        let open = self.pos;
        self.pos += 1;
        let mut out = String::new();
        loop {
            let rest = &self.text[self.pos..];
            let Some(c) = rest.chars().next() else {
                return Err(SyntaxError {
                    offset: open,
                    message: "this string is never closed (missing `\"`)".into(),
                });
            };
            match c {
                '"' => {
                    self.pos += 1;
                    return Ok(out);
                }
                '\\' => {
                    self.pos += 1;
                    let Some(e) = self.text[self.pos..].chars().next() else {
                        return Err(self.error("expected an escape character after `\\`"));
                    };
                    self.pos += e.len_utf8();
                    match e {
                        '"' => out.push('"'),
                        '\\' => out.push('\\'),
                        '/' => out.push('/'),
                        'b' => out.push('\u{8}'),
                        'f' => out.push('\u{c}'),
                        'n' => out.push('\n'),
                        'r' => out.push('\r'),
                        't' => out.push('\t'),
                        'u' => out.push(self.unicode_escape()?),
                        other => {
                            self.pos -= other.len_utf8() + 1;
                            return Err(self.error(format!(
                                "unknown escape `\\{other}` in a string (write `\\\\` for a backslash)"
                            )));
                        }
                    }
                }
                c if (c as u32) < 0x20 => {
                    return Err(self.error(format!(
                        "a raw control character (U+{:04X}) is not allowed inside a string; write it as an escape such as \\n",
                        c as u32
                    )));
                }
                c => {
                    out.push(c);
                    self.pos += c.len_utf8();
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, SyntaxError> {
        let hex = self
            .text
            .get(self.pos..self.pos + 4)
            .filter(|h| h.bytes().all(|b| b.is_ascii_hexdigit()));
        match hex {
            Some(h) => {
                self.pos += 4;
                Ok(u32::from_str_radix(h, 16).unwrap_or(0))
            }
            None => Err(self.error("expected four hexadecimal digits after `\\u`")),
        }
    }

    fn unicode_escape(&mut self) -> Result<char, SyntaxError> {
        let start = self.pos - 2;
        let hi = self.hex4()?;
        let code = if (0xD800..0xDC00).contains(&hi) {
            if self.text[self.pos..].starts_with("\\u") {
                self.pos += 2;
                let lo = self.hex4()?;
                if !(0xDC00..0xE000).contains(&lo) {
                    return Err(SyntaxError {
                        offset: start,
                        message: "invalid UTF-16 surrogate pair in `\\u` escape".into(),
                    });
                }
                0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00)
            } else {
                return Err(SyntaxError {
                    offset: start,
                    message: "lone UTF-16 surrogate in `\\u` escape".into(),
                });
            }
        } else {
            hi
        };
        char::from_u32(code).ok_or(SyntaxError {
            offset: start,
            message: "invalid `\\u` escape".into(),
        })
    }

    fn array(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut items = Vec::new();
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b']') {
            self.pos += 1;
            return Ok(Value::Array(items));
        }
        loop {
            self.skip_ws();
            items.push(self.value(depth + 1)?);
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.bytes.get(self.pos) == Some(&b']') {
                        return Err(self.error("trailing comma before `]` is not allowed in JSON"));
                    }
                }
                Some(b']') => {
                    self.pos += 1;
                    return Ok(Value::Array(items));
                }
                _ => {
                    return Err(self.error(format!(
                        "expected `,` or `]` in an array, found {}",
                        self.found()
                    )));
                }
            }
        }
    }

    fn object(&mut self, depth: usize) -> Result<Value, SyntaxError> {
        self.pos += 1;
        let mut members: Vec<Member> = Vec::new();
        self.skip_ws();
        if self.bytes.get(self.pos) == Some(&b'}') {
            self.pos += 1;
            return Ok(Value::Object(members));
        }
        loop {
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b'"') {
                return Err(self.error(format!(
                    "expected a key in double quotes, found {}",
                    self.found()
                )));
            }
            let key_start = self.pos;
            let key = self.string()?;
            let key_end = self.pos;
            if members.iter().any(|m| m.key == key) {
                return Err(SyntaxError {
                    offset: key_start,
                    message: format!("duplicate key `{key}` in this object"),
                });
            }
            self.skip_ws();
            if self.bytes.get(self.pos) != Some(&b':') {
                return Err(self.error(format!(
                    "expected `:` after the key, found {}",
                    self.found()
                )));
            }
            self.pos += 1;
            self.skip_ws();
            let value = self.value(depth + 1)?;
            members.push(Member {
                key,
                key_start,
                key_end,
                value,
            });
            self.skip_ws();
            match self.bytes.get(self.pos) {
                Some(b',') => {
                    self.pos += 1;
                    self.skip_ws();
                    if self.bytes.get(self.pos) == Some(&b'}') {
                        return Err(self.error("trailing comma before `}` is not allowed in JSON"));
                    }
                }
                Some(b'}') => {
                    self.pos += 1;
                    return Ok(Value::Object(members));
                }
                Some(b'"') => {
                    return Err(self.error(
                        "expected `,` or `}` in an object, found `\"` (is a comma missing after the previous value?)",
                    ));
                }
                _ => {
                    return Err(self.error(format!(
                        "expected `,` or `}}` in an object, found {}",
                        self.found()
                    )));
                }
            }
        }
    }
}

/// Maps a byte offset in the *decoded* value of a JSON string literal to the byte offset in the
/// raw literal `raw` (which starts with its opening quote), so a problem inside a string can be
/// pointed at precisely even when the string contains escapes.
pub fn raw_offset(raw: &str, decoded: usize) -> usize {
    let mut d = 0;
    let mut i = 1; // after the opening quote
    let bytes = raw.as_bytes();
    while i < raw.len() && d < decoded {
        if bytes[i] == b'\\' {
            let esc = bytes.get(i + 1).copied().unwrap_or(b'\\');
            if esc == b'u' {
                let code = raw
                    .get(i + 2..i + 6)
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .unwrap_or(0);
                if (0xD800..0xDC00).contains(&code) {
                    d += 4;
                    i += 12;
                } else {
                    d += char::from_u32(code).map_or(1, char::len_utf8);
                    i += 6;
                }
            } else {
                d += 1;
                i += 2;
            }
        } else {
            let c = raw[i..].chars().next().map_or(1, char::len_utf8);
            d += c;
            i += c;
        }
    }
    i.min(raw.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_keeps_positions() {
        let text = "{\n  \"a\": [1, \"x\\u00e9\"],\n  \"b\": null\n}";
        let node = parse(text).unwrap();
        let a = node.get("a").unwrap();
        assert_eq!(&text[a.key_start..a.key_end], "\"a\"");
        let x = node
            .find(&[PathSeg::Key("a".into()), PathSeg::Index(1)])
            .unwrap();
        assert_eq!(x.value, Value::String("xé".into()));
        assert_eq!(
            node.to_serde(),
            serde_json::json!({"a": [1, "xé"], "b": null})
        );
    }

    #[test]
    fn reports_errors_with_offsets() {
        assert_eq!(parse("{\"a\": 1,}").unwrap_err().offset, 8);
        assert!(
            parse("{\"a\": 1, \"a\": 2}")
                .unwrap_err()
                .message
                .contains("duplicate")
        );
        assert!(
            parse("[1 2]")
                .unwrap_err()
                .message
                .contains("expected `,` or `]`")
        );
        assert!(parse("\"abc").unwrap_err().message.contains("never closed"));
        assert!(
            parse(&"[".repeat(1000))
                .unwrap_err()
                .message
                .contains("nesting")
        );
    }

    #[test]
    fn formats_paths() {
        let p = [
            PathSeg::Key("a".into()),
            PathSeg::Index(2),
            PathSeg::Key("x y".into()),
        ];
        assert_eq!(format_path(&p), "$.a[2][\"x y\"]");
    }
}
