//! The ladder of docs/architecture.md, checked on the source: every module of the library
//! imports only from its own floor or below, and no files import each other in a loop (paths
//! through re-exports, `crate::Session` included, are followed to the file that defines the
//! item). A reader of `src/` is the only input; nothing is compiled.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The floors, lowest first, and the top-level modules on each (docs/architecture.md).
const FLOORS: &[(&str, &[&str])] = &[
    (
        "ground",
        &["fs", "hash", "date", "links", "builtin", "diagnostics"],
    ),
    ("inputs", &["project", "load", "edition"]),
    (
        "stages",
        &[
            "resolve",
            "i18n",
            "check",
            "typeset",
            "preflight",
            "review",
            "scaffold",
            "web",
        ],
    ),
    ("outputs", &["output"]),
    ("session", &["session"]),
    ("batch, preview and Word", &["batch", "preview", "docx"]),
];

type Module = Vec<String>;

struct Source {
    files: BTreeMap<Module, String>,
}

impl Source {
    /// The library's files (`bin: false`), or the command line's: `main.rs` and `cmd/`.
    fn read(root: &Path, bin: bool) -> Source {
        let mut files = BTreeMap::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).unwrap().flatten() {
                let path = entry.path();
                if path.is_dir() {
                    stack.push(path);
                } else if path.extension().is_some_and(|e| e == "rs")
                    && let Some(m) = module_of(root, &path, bin)
                {
                    files.insert(m, strip(&std::fs::read_to_string(&path).unwrap()));
                }
            }
        }
        Source { files }
    }

    fn children(&self, m: &Module) -> BTreeSet<String> {
        self.files
            .keys()
            .filter(|k| k.len() == m.len() + 1 && k[..m.len()] == m[..])
            .map(|k| k[m.len()].clone())
            .collect()
    }

    /// A path as written in module `m`, made absolute from the crate root; `None` for paths
    /// into other crates.
    fn absolute(&self, m: &Module, segs: &[String]) -> Option<Module> {
        let first = segs.first()?;
        let mut base = m.clone();
        match first.as_str() {
            "crate" => Some(segs[1..].to_vec()),
            "self" => Some([base, segs[1..].to_vec()].concat()),
            "super" => {
                let mut rest = segs;
                while rest.first().is_some_and(|s| s == "super") {
                    base.pop();
                    rest = &rest[1..];
                }
                Some([base, rest.to_vec()].concat())
            }
            name if self.children(m).contains(name) => Some([base, segs.to_vec()].concat()),
            _ => None,
        }
    }

    /// Items each module brings in with `use` (re-exported or not: a child may name a
    /// parent's import through `super::`): name → absolute path.
    fn reexports(&self) -> BTreeMap<Module, BTreeMap<String, Module>> {
        let mut out: BTreeMap<Module, BTreeMap<String, Module>> = BTreeMap::new();
        for (m, src) in &self.files {
            for body in statements(src) {
                for path in expand_use(&body) {
                    let Some(last) = path.last().cloned() else {
                        continue;
                    };
                    if last == "*" {
                        continue;
                    }
                    if let Some(abs) = self.absolute(m, &path) {
                        out.entry(m.clone()).or_default().insert(last, abs);
                    }
                }
            }
        }
        out
    }

    /// The file that defines what `path` names.
    fn resolve(
        &self,
        path: &[String],
        reexports: &BTreeMap<Module, BTreeMap<String, Module>>,
        depth: usize,
    ) -> Option<Module> {
        for n in (0..=path.len()).rev() {
            let m = path[..n].to_vec();
            if self.files.contains_key(&m) {
                if n < path.len()
                    && depth < 10
                    && let Some(target) = reexports.get(&m).and_then(|r| r.get(&path[n]))
                {
                    let rest = [target.clone(), path[n + 1..].to_vec()].concat();
                    return self.resolve(&rest, reexports, depth + 1);
                }
                return Some(m);
            }
        }
        None
    }

    /// Which files each file imports from.
    fn edges(&self) -> BTreeMap<Module, BTreeSet<Module>> {
        let reexports = self.reexports();
        let mut edges: BTreeMap<Module, BTreeSet<Module>> = BTreeMap::new();
        for (m, src) in &self.files {
            let mut paths: Vec<Vec<String>> = Vec::new();
            for body in statements(src) {
                paths.extend(expand_use(&body));
            }
            paths.extend(inline_paths(src));
            for p in paths {
                let p: Vec<String> = p.into_iter().filter(|s| s != "*").collect();
                let Some(abs) = self.absolute(m, &p) else {
                    continue;
                };
                if let Some(target) = self.resolve(&abs, &reexports, 0)
                    && &target != m
                    && !target.is_empty()
                {
                    edges.entry(m.clone()).or_default().insert(target);
                }
            }
        }
        edges
    }
}

fn module_of(root: &Path, path: &Path, bin: bool) -> Option<Module> {
    let rel = path.strip_prefix(root).ok()?.with_extension("");
    let mut parts: Module = rel
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    if parts.last().is_some_and(|p| p == "mod") {
        parts.pop();
    }
    match (parts.first().map(String::as_str), bin) {
        (Some("main"), true) if parts.len() == 1 => Some(Vec::new()),
        (Some("cmd"), true) => Some(parts),
        (_, true) => None,
        (Some("main") | Some("cmd"), false) => None,
        (Some("lib"), false) if parts.len() == 1 => Some(Vec::new()),
        (_, false) => Some(parts),
    }
}

/// Source without comments, string contents and an inline test module at the end (whose
/// `super` is the file itself; its imports are the tests', not the module's).
fn strip(src: &str) -> String {
    let test_module = regex_lite::Regex::new(r"#\[cfg\(test\)\]\s*mod \w+ \{").unwrap();
    let src = match test_module.find(src) {
        Some(m) => &src[..m.start()],
        None => src,
    };
    let mut out = String::with_capacity(src.len());
    let mut chars = src.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '/' if chars.peek() == Some(&'/') => {
                for c in chars.by_ref() {
                    if c == '\n' {
                        out.push('\n');
                        break;
                    }
                }
            }
            '"' => {
                out.push('"');
                let mut escaped = false;
                for c in chars.by_ref() {
                    if escaped {
                        escaped = false;
                    } else if c == '\\' {
                        escaped = true;
                    } else if c == '"' {
                        break;
                    }
                }
                out.push('"');
            }
            _ => out.push(c),
        }
    }
    out
}

/// The bodies of `use …;` statements.
fn statements(src: &str) -> Vec<String> {
    let re = regex_lite::Regex::new(r"\buse\s+([^;]+);").unwrap();
    re.captures_iter(src).map(|c| c[1].to_string()).collect()
}

/// `a::{b, c::{d, e}}` → `a::b`, `a::c::d`, `a::c::e`, each as segments.
fn expand_use(body: &str) -> Vec<Vec<String>> {
    let body = body.trim();
    let split = |s: &str| -> Vec<String> {
        s.split("::")
            .map(|p| p.trim().to_string())
            .filter(|p| !p.is_empty())
            .collect()
    };
    let Some(open) = body.find("::{") else {
        let path = body.split(" as ").next().unwrap_or(body);
        return vec![split(path)];
    };
    let prefix = split(&body[..open]);
    let inner = body[open + 3..].trim_end().trim_end_matches('}');
    let (mut items, mut depth, mut current) = (Vec::new(), 0, String::new());
    for c in inner.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                items.push(std::mem::take(&mut current));
                continue;
            }
            _ => {}
        }
        current.push(c);
    }
    items.push(current);
    let mut out = Vec::new();
    for item in items.iter().map(|i| i.trim()).filter(|i| !i.is_empty()) {
        if item == "self" {
            out.push(prefix.clone());
            continue;
        }
        for tail in expand_use(item) {
            out.push([prefix.clone(), tail].concat());
        }
    }
    out
}

/// Paths written in code, outside `use` statements (`crate::x::y`, `super::z`, `child::f`).
fn inline_paths(src: &str) -> Vec<Vec<String>> {
    let without_uses = regex_lite::Regex::new(r"\buse\s+[^;]+;")
        .unwrap()
        .replace_all(src, "");
    let re = regex_lite::Regex::new(
        r"(?:^|[^\w:])((?:crate|super|self|[a-z_][a-z0-9_]*)(?:::[A-Za-z_][A-Za-z0-9_]*)+)",
    )
    .unwrap();
    re.captures_iter(&without_uses)
        .map(|c| c[1].split("::").map(String::from).collect())
        .collect()
}

/// Strongly connected groups of more than one node (Tarjan).
fn loops<N: Ord + Clone>(nodes: &[N], edges: &BTreeMap<N, BTreeSet<N>>) -> Vec<Vec<N>> {
    struct State<N> {
        index: BTreeMap<N, usize>,
        low: BTreeMap<N, usize>,
        stack: Vec<N>,
        on: BTreeSet<N>,
        out: Vec<Vec<N>>,
    }
    fn visit<N: Ord + Clone>(n: &N, edges: &BTreeMap<N, BTreeSet<N>>, s: &mut State<N>) {
        let i = s.index.len();
        s.index.insert(n.clone(), i);
        s.low.insert(n.clone(), i);
        s.stack.push(n.clone());
        s.on.insert(n.clone());
        for w in edges.get(n).into_iter().flatten() {
            if !s.index.contains_key(w) {
                visit(w, edges, s);
                let low = s.low[n].min(s.low[w]);
                s.low.insert(n.clone(), low);
            } else if s.on.contains(w) {
                let low = s.low[n].min(s.index[w]);
                s.low.insert(n.clone(), low);
            }
        }
        if s.low[n] == s.index[n] {
            let mut group = Vec::new();
            while let Some(w) = s.stack.pop() {
                s.on.remove(&w);
                let done = &w == n;
                group.push(w);
                if done {
                    break;
                }
            }
            if group.len() > 1 {
                group.sort();
                s.out.push(group);
            }
        }
    }
    let mut s = State {
        index: BTreeMap::new(),
        low: BTreeMap::new(),
        stack: Vec::new(),
        on: BTreeSet::new(),
        out: Vec::new(),
    };
    for n in nodes {
        if !s.index.contains_key(n) {
            visit(n, edges, &mut s);
        }
    }
    s.out
}

fn src() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn floor_of(top: &str) -> Option<usize> {
    FLOORS.iter().position(|(_, mods)| mods.contains(&top))
}

#[test]
fn every_top_level_module_has_a_floor() {
    let source = Source::read(&src(), false);
    let tops: BTreeSet<&str> = source
        .files
        .keys()
        .filter_map(|m| m.first().map(String::as_str))
        .collect();
    let missing: Vec<_> = tops.iter().filter(|t| floor_of(t).is_none()).collect();
    assert!(missing.is_empty(), "modules without a floor: {missing:?}");
}

#[test]
fn modules_import_only_from_their_floor_or_below() {
    let source = Source::read(&src(), false);
    let mut wrong = Vec::new();
    for (from, targets) in source.edges() {
        let (Some(a), true) = (from.first(), !from.is_empty()) else {
            continue;
        };
        for to in targets {
            let b = &to[0];
            if let (Some(fa), Some(fb)) = (floor_of(a), floor_of(b))
                && fb > fa
            {
                wrong.push(format!(
                    "{} ({}) imports {} ({})",
                    from.join("/"),
                    FLOORS[fa].0,
                    to.join("/"),
                    FLOORS[fb].0
                ));
            }
        }
    }
    assert!(
        wrong.is_empty(),
        "imports from a higher floor:\n{}",
        wrong.join("\n")
    );
}

#[test]
fn no_top_level_modules_import_each_other_in_a_loop() {
    let source = Source::read(&src(), false);
    let mut top: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (from, targets) in source.edges() {
        let Some(a) = from.first() else { continue };
        for to in targets.iter().filter(|t| &t[0] != a) {
            top.entry(a.clone()).or_default().insert(to[0].clone());
        }
    }
    let nodes: Vec<String> = top.keys().cloned().collect();
    let found = loops(&nodes, &top);
    assert!(found.is_empty(), "top-level loops: {found:?}");
}

#[test]
fn no_files_import_each_other_in_a_loop() {
    let source = Source::read(&src(), false);
    let edges = source.edges();
    let nodes: Vec<Module> = source.files.keys().cloned().collect();
    let found: Vec<String> = loops(&nodes, &edges)
        .into_iter()
        .map(|group| {
            let names: Vec<String> = group.iter().map(|m| m.join("/")).collect();
            names.join(" ↔ ")
        })
        .collect();
    assert!(
        found.is_empty(),
        "files in import loops:\n{}",
        found.join("\n")
    );
}

#[test]
fn no_files_of_the_command_line_import_each_other_in_a_loop() {
    let source = Source::read(&src(), true);
    assert!(source.files.len() > 5, "main.rs and cmd/ were read");
    let edges = source.edges();
    let nodes: Vec<Module> = source.files.keys().cloned().collect();
    let found = loops(&nodes, &edges);
    assert!(found.is_empty(), "files of cmd/ in import loops: {found:?}");
}

#[test]
fn the_checker_sees_a_loop_and_a_floor_broken() {
    // A parent that uses its child, and the child that uses an item the parent defines.
    let mut files = BTreeMap::new();
    files.insert(
        vec!["a".to_string()],
        "mod b; pub struct A; fn f() { b::g(); }".to_string(),
    );
    files.insert(
        vec!["a".to_string(), "b".to_string()],
        "use super::A; pub fn g() {}".to_string(),
    );
    files.insert(
        vec!["fs".to_string()],
        "use crate::session::Session;".to_string(),
    );
    files.insert(vec!["session".to_string()], String::new());
    let source = Source { files };
    let edges = source.edges();
    let nodes: Vec<Module> = source.files.keys().cloned().collect();
    assert_eq!(loops(&nodes, &edges).len(), 1);
    assert!(edges[&vec!["fs".to_string()]].contains(&vec!["session".to_string()]));
    assert!(floor_of("session") > floor_of("fs"));
}
