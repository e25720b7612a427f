//! GNU gettext PO exchange files, for platforms and tools built on gettext (Weblate, Pootle,
//! Poedit, Lokalize…).
//!
//! One entry per translation unit: `msgctxt` is the key, `msgid` the English, `msgstr` the
//! translation; `#.` comments carry the context and the length limit, `#:` points at the key
//! in the English file, `#, fuzzy` marks a translation whose English has changed. The header
//! names the JSON file (`X-MGI-File`) and what it belongs to (`X-MGI-Scope`). PO has no inline
//! codes: the markup stays in the text, and import checks that it is kept.
//!
//! The reader and writer are written here rather than taken from a crate: the PO crates for
//! Rust (`polib`, `rspolib`, …) do not report where in the file an entry or a bad string is,
//! and import must point at the line and column of every problem. The format is small.

use super::exchange::{Exchange, Format, Incoming};
use super::units::{Catalog, Unit, UnitState};
use crate::diagnostics::{Diagnostic, Locator};

// ---------------------------------------------------------------------------------------------
// Writing

/// The PO file of a catalog. `file` names the JSON file of the translation, `scope` what it
/// belongs to, and `reference` gives the `#:` reference of a key (the English file and line).
pub fn write(
    catalog: &Catalog,
    file: &str,
    scope: &str,
    reference: &dyn Fn(&str) -> Option<String>,
) -> String {
    let mut out = header(&catalog.lang, file, scope);
    for unit in &catalog.units {
        out.push('\n');
        entry(&mut out, unit, reference(&unit.key));
    }
    out
}

fn header(lang: &str, file: &str, scope: &str) -> String {
    let fields = [
        format!("Project-Id-Version: mgi-press {scope}"),
        format!("PO-Revision-Date: {}", revision_date()),
        "Last-Translator: ".into(),
        "Language-Team: ".into(),
        format!("Language: {lang}"),
        "MIME-Version: 1.0".into(),
        "Content-Type: text/plain; charset=UTF-8".into(),
        "Content-Transfer-Encoding: 8bit".into(),
        format!("X-Generator: mgi-press {}", env!("CARGO_PKG_VERSION")),
        format!("X-MGI-File: {file}"),
        format!("X-MGI-Scope: {scope}"),
    ];
    let mut out = format!(
        "# Translation of {file} ({scope}), exported by mgi-press.\n\
         # Translate msgstr; keep the markup (**bold**, *italic*, [label](url), ^[footnote], \
         {{{{placeholder}}}}, \\ escapes) and blank lines.\n\
         # Import with: mgi-press i18n import THIS_FILE\n\
         msgid \"\"\nmsgstr \"\"\n"
    );
    for field in fields {
        out.push_str(&format!("\"{}\\n\"\n", escape(&field)));
    }
    out
}

/// `PO-Revision-Date`: `SOURCE_DATE_EPOCH` when it is set, else the Unix epoch — never the
/// clock, so that the same texts always export to the same bytes (mgi-press keeps what a
/// translation was made from in its lock, not in this header).
fn revision_date() -> String {
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .and_then(|s| s.trim().parse::<i64>().ok())
        .unwrap_or(0);
    let (y, m, d, h, min, _) = crate::date::from_unix_seconds(epoch);
    format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02}+0000")
}

fn entry(out: &mut String, unit: &Unit, reference: Option<String>) {
    for line in unit.note.iter().flat_map(|n| n.lines()) {
        out.push_str(&format!("#. {line}\n"));
    }
    if let Some(max) = unit.max_length {
        out.push_str(&format!("#. max length: {max}\n"));
    }
    if let Some(reference) = reference {
        out.push_str(&format!("#: {reference}\n"));
    }
    if unit.state == UnitState::NeedsReview {
        out.push_str("#, fuzzy\n");
    }
    out.push_str(&field("msgctxt", &unit.key));
    out.push_str(&field("msgid", &unit.source));
    let target = unit
        .target
        .as_deref()
        .filter(|_| unit.state != UnitState::New);
    out.push_str(&field("msgstr", target.unwrap_or("")));
}

/// `keyword "text"`, or over several lines (each ending after a `\n`) when the text has
/// line breaks.
fn field(keyword: &str, text: &str) -> String {
    if !text.contains('\n') {
        return format!("{keyword} \"{}\"\n", escape(text));
    }
    let mut out = format!("{keyword} \"\"\n");
    for line in text.split_inclusive('\n') {
        out.push_str(&format!("\"{}\"\n", escape(line)));
    }
    out
}

/// C escapes, as gettext reads them.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '"' => out.push_str("\\\""),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => out.push_str(&format!("\\{:03o}", c as u32)),
            c => out.push(c),
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// Reading

/// One entry as read, with the byte offsets of its first line and of its `msgstr`.
#[derive(Debug, Default, Clone)]
pub struct Entry {
    pub msgctxt: Option<String>,
    pub msgid: Option<String>,
    pub msgstr: Option<String>,
    pub fuzzy: bool,
    pub at: usize,
    pub msgstr_at: usize,
}

/// Which string the continuation lines add to.
#[derive(Clone, Copy, PartialEq)]
enum Field {
    None,
    Ctxt,
    Id,
    Str,
}

/// A problem at a byte offset.
type Problem = (usize, String);

/// Parses the entries of a PO file (obsolete `#~` entries left out). One pass over the lines,
/// a small state machine: a comment or a keyword opens an entry, keywords and quoted
/// continuation lines fill its strings, and a blank line, or a comment or `msgctxt`/`msgid`
/// after a `msgstr`, closes it.
pub fn parse(text: &str) -> Result<Vec<Entry>, Problem> {
    let mut entries = Vec::new();
    let mut entry: Option<Entry> = None;
    let mut field = Field::None;
    let mut offset = 0;
    for raw in text.split_inclusive('\n') {
        let at = offset + (raw.len() - raw.trim_start().len());
        offset += raw.len();
        let line = raw.trim();
        let complete = entry.as_ref().is_some_and(|e| e.msgstr.is_some());
        if line.is_empty() || line.starts_with("#~") {
            entries.extend(entry.take().filter(Entry::started));
            field = Field::None;
            continue;
        }
        let (keyword, rest) = split_keyword(line);
        let next = field_of(keyword, field, at)?;
        if complete
            && (line.starts_with('#')
                || matches!(next, Field::Ctxt | Field::Id) && !keyword.is_empty())
        {
            entries.extend(entry.take());
            field = Field::None;
        }
        let e = entry.get_or_insert_with(|| Entry {
            at,
            ..Entry::default()
        });
        if let Some(flags) = line.strip_prefix("#,") {
            e.fuzzy |= flags.split(',').any(|f| f.trim() == "fuzzy");
        }
        if line.starts_with('#') {
            continue;
        }
        if next == Field::None {
            return Err((
                at,
                "a quoted string outside msgctxt, msgid or msgstr".into(),
            ));
        }
        let value = unquote(rest, at + line.len() - rest.len())?;
        if keyword == "msgstr" {
            e.msgstr_at = at;
        }
        let slot = match next {
            Field::Ctxt => &mut e.msgctxt,
            Field::Id => &mut e.msgid,
            Field::Str | Field::None => &mut e.msgstr,
        };
        if !keyword.is_empty() && slot.is_some() {
            return Err((at, format!("`{keyword}` twice in one entry")));
        }
        slot.get_or_insert_with(String::new).push_str(&value);
        field = next;
    }
    entries.extend(entry.filter(Entry::started));
    Ok(entries)
}

impl Entry {
    fn started(&self) -> bool {
        self.msgid.is_some() || self.msgctxt.is_some()
    }
}

/// A line's keyword (empty for a continuation or a comment) and the rest.
fn split_keyword(line: &str) -> (&str, &str) {
    if line.starts_with('#') || line.starts_with('"') {
        return ("", line);
    }
    match line.find(|c: char| c.is_whitespace() || c == '"') {
        Some(i) => (&line[..i], line[i..].trim_start()),
        None => (line, ""),
    }
}

/// The string a line adds to: its keyword's, or for a continuation the current one.
fn field_of(keyword: &str, current: Field, at: usize) -> Result<Field, Problem> {
    match keyword {
        "" => Ok(current),
        "msgctxt" => Ok(Field::Ctxt),
        "msgid" => Ok(Field::Id),
        "msgstr" => Ok(Field::Str),
        "msgid_plural" => Err((
            at,
            "plural forms (msgid_plural) are not used by mgi-press".into(),
        )),
        k if k.starts_with("msgstr[") => Err((
            at,
            "plural forms (msgstr[N]) are not used by mgi-press".into(),
        )),
        _ => Err((
            at,
            format!(
                "unexpected `{keyword}`: expected a comment, msgctxt, msgid, msgstr or a quoted string"
            ),
        )),
    }
}

/// The text of a quoted PO string (`"…"`), its escapes resolved; `at` is the byte offset of
/// the opening quote, for errors.
fn unquote(s: &str, at: usize) -> Result<String, Problem> {
    let s = s.trim_end();
    let inner = s
        .strip_prefix('"')
        .and_then(|r| r.strip_suffix('"'))
        .filter(|_| s.len() >= 2)
        .ok_or((at, "expected a string in double quotes".to_string()))?;
    let mut out = String::with_capacity(inner.len());
    let mut chars = inner.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                return Err((
                    at + 1 + i,
                    "a double quote inside a string must be written \\\"".into(),
                ));
            }
            '\\' => {
                let (_, e) = chars.next().ok_or((
                    at + 1 + i,
                    "a string ends with a lone backslash".to_string(),
                ))?;
                out.push(match e {
                    'n' => '\n',
                    't' => '\t',
                    'r' => '\r',
                    'a' => '\u{7}',
                    'b' => '\u{8}',
                    'f' => '\u{c}',
                    'v' => '\u{b}',
                    '\\' | '"' | '\'' | '?' => e,
                    '0'..='7' => numeric(e, &mut chars, 8, 3),
                    'x' => numeric('0', &mut chars, 16, 2),
                    _ => return Err((at + 1 + i, format!("unknown escape `\\{e}`"))),
                });
            }
            c => out.push(c),
        }
    }
    Ok(out)
}

/// An octal (`\101`) or hexadecimal (`\x41`) escape: the first digit and up to `max - 1`
/// more (for hex, `first` is `'0'` and up to `max` digits follow).
fn numeric(
    first: char,
    chars: &mut std::iter::Peekable<std::str::CharIndices<'_>>,
    radix: u32,
    max: usize,
) -> char {
    let mut value = first.to_digit(radix).unwrap_or(0);
    let extra = if radix == 16 { max } else { max - 1 };
    for _ in 0..extra {
        match chars.peek().and_then(|(_, c)| c.to_digit(radix)) {
            Some(d) => {
                value = value * radix + d;
                chars.next();
            }
            None => break,
        }
    }
    char::from_u32(value).unwrap_or('\u{FFFD}')
}

/// Reads a PO file: the JSON file it is for (`X-MGI-File`), its language and its translated
/// entries (untranslated ones are left out).
pub fn read(name: &str, text: &str) -> (Option<Exchange>, Vec<Diagnostic>) {
    // Indexed once: every entry is located (a scan per entry made big files quadratic).
    let locator = Locator::new(name, text);
    let at = |offset: usize, len: usize| locator.at(offset, len);
    let entries = match parse(text) {
        Ok(entries) => entries,
        Err((offset, message)) => {
            return (None, vec![Diagnostic::error(message).at(at(offset, 1))]);
        }
    };
    let header = entries
        .iter()
        .find(|e| e.msgctxt.is_none() && e.msgid.as_deref() == Some(""));
    let fields = header
        .and_then(|h| h.msgstr.as_deref())
        .map(header_fields)
        .unwrap_or_default();
    let get = |k: &str| {
        fields
            .iter()
            .find(|(f, _)| f.eq_ignore_ascii_case(k))
            .map(|(_, v)| v.clone())
    };
    let (Some(file), Some(lang)) = (get("X-MGI-File"), get("Language")) else {
        let d = Diagnostic::error("the PO header has no `X-MGI-File` or no `Language`: this is not an export of mgi-press")
            .at(at(header.map_or(0, |h| h.at), 1));
        return (None, vec![d]);
    };
    let mut diags = Vec::new();
    let mut units = Vec::new();
    for e in &entries {
        let (Some(key), Some(source)) = (&e.msgctxt, &e.msgid) else {
            if e.msgid.as_deref() != Some("") {
                let message =
                    "an entry without msgctxt: mgi-press names every unit by its key in msgctxt";
                diags.push(Diagnostic::error(message).at(at(e.at, 1)));
            }
            continue;
        };
        let target = e.msgstr.clone().unwrap_or_default();
        if target.is_empty() {
            continue;
        }
        units.push(Incoming {
            key: key.clone(),
            source: source.clone(),
            target,
            reviewed: !e.fuzzy,
            at: at(e.msgstr_at, "msgstr".len()),
        });
    }
    let exchange = Exchange {
        format: Format::Po,
        file,
        lang,
        units,
    };
    (Some(exchange), diags)
}

/// The `Name: value` lines of a header.
fn header_fields(header: &str) -> Vec<(String, String)> {
    header
        .lines()
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_string(), v.trim().to_string()))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::units::Scope;

    fn catalog() -> Catalog {
        let unit = |key: &str, source: &str, target: Option<&str>, state| Unit {
            key: key.into(),
            source: source.into(),
            target: target.map(str::to_string),
            state,
            note: Some("Shown on the cover.\nKeep it short.".into()),
            max_length: Some(80),
        };
        Catalog {
            scope: Scope::Profile { name: "x".into() },
            lang: "fr".into(),
            dir: "text".into(),
            file: "text/fr.json".into(),
            units: vec![
                unit(
                    "a.p1",
                    "Tab\there, \"quoted\" \\ back\r\n\nNext^[note]\u{1}",
                    Some("Tab\tici « \"cité\" » \\\r\n\nSuite^[note]\u{1}"),
                    UnitState::NeedsReview,
                ),
                unit("a.p2", "untranslated", None, UnitState::New),
                unit("a.p3", "same", Some("same"), UnitState::Final),
            ],
        }
    }

    #[test]
    fn written_then_read_back_exactly() {
        let cat = catalog();
        let text = write(&cat, "profiles/x/text/fr.json", "profile x", &|k| {
            Some(format!("en.json:{}", k.len()))
        });
        assert!(
            text.contains("#, fuzzy\nmsgctxt \"a.p1\"\nmsgid \"\"\n\"Tab\\there"),
            "{text}"
        );
        assert!(text.contains("#. max length: 80\n#: en.json:4\n"), "{text}");
        let (exchange, diags) = read("fr.po", &text);
        assert!(diags.is_empty(), "{diags:?}");
        let exchange = exchange.unwrap();
        assert_eq!(
            (exchange.file.as_str(), exchange.lang.as_str()),
            ("profiles/x/text/fr.json", "fr")
        );
        assert_eq!(exchange.units.len(), 2);
        let p1 = &exchange.units[0];
        assert_eq!(p1.source, cat.units[0].source);
        assert_eq!(Some(&p1.target), cat.units[0].target.as_ref());
        assert!(!p1.reviewed && exchange.units[1].reviewed);
        assert!(p1.at.line > 10);
    }

    #[test]
    fn bad_strings_are_located() {
        let text = "msgid \"\"\nmsgstr \"X-MGI-File: f\\nLanguage: fr\\n\"\n\nmsgctxt \"k\"\nmsgid \"a\"\nmsgstr \"b\\q\"\n";
        let (_, diags) = read("fr.po", text);
        let loc = diags[0].location.as_ref().unwrap();
        assert_eq!((loc.line, loc.column), (6, 10), "{diags:?}");
        assert!(diags[0].message.contains("unknown escape"));
    }

    #[test]
    fn escapes_of_gettext() {
        assert_eq!(unquote(r#""\101\x42\7\"\\""#, 0).unwrap(), "AB\u{7}\"\\");
        assert!(unquote("\"open", 0).is_err());
    }
}
