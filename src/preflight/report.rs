//! A preflight report read out: pass or fail, one line per finding for people, the crate's
//! diagnostics for everything else that prints problems.

use super::{Finding, PreflightReport, Severity};
use crate::diagnostics::Diagnostic;

impl PreflightReport {
    /// True when no finding is an error (warnings do not fail a preflight).
    pub fn passed(&self) -> bool {
        !self.findings.iter().any(|f| f.severity == Severity::Error)
    }

    pub fn errors(&self) -> usize {
        self.count(Severity::Error)
    }

    pub fn warnings(&self) -> usize {
        self.count(Severity::Warning)
    }

    fn count(&self, severity: Severity) -> usize {
        self.findings
            .iter()
            .filter(|f| f.severity == severity)
            .count()
    }

    /// Findings with a rule id, e.g. to assert on in tests.
    pub fn with_rule(&self, rule: &str) -> Vec<&Finding> {
        self.findings.iter().filter(|f| f.rule == rule).collect()
    }

    /// The findings as the crate's diagnostics, each naming the file.
    pub fn to_diagnostics(&self, file_name: &str) -> Vec<Diagnostic> {
        self.findings
            .iter()
            .map(|f| {
                let message = format!("{} [{}]", f.located_message(), f.rule);
                let d = match f.severity {
                    Severity::Error => Diagnostic::error(message),
                    Severity::Warning => Diagnostic::warning(message),
                };
                d.in_file(file_name).with_hint(format!(
                    "{} preflight (mgi-press preflight, docs/preflight.md)",
                    self.edition
                ))
            })
            .collect()
    }

    /// One line per finding: `error[image-resolution] page 1: image /Im3 (obj 42) is …`.
    pub fn human_lines(&self) -> String {
        self.findings
            .iter()
            .map(|f| {
                format!(
                    "{}[{}] {}\n",
                    level(f.severity),
                    f.rule,
                    f.located_message()
                )
            })
            .collect()
    }

    /// `passes the print preflight (26 pages, PDF 1.7; claims PDF/X-4)` or
    /// `fails the print preflight: 3 errors, 1 warning (…)`.
    pub fn summary(&self) -> String {
        let claims = if self.facts.standards.is_empty() {
            "claims no standard".to_string()
        } else {
            format!("claims {}", self.facts.standards.join(", "))
        };
        let pages = match self.facts.pages {
            1 => "1 page".to_string(),
            n => format!("{n} pages"),
        };
        let about = format!("{pages}, PDF {}; {claims}", self.facts.pdf_version);
        let (errors, warnings) = (self.errors(), self.warnings());
        let plural = |n: usize, what: &str| format!("{n} {what}{}", if n == 1 { "" } else { "s" });
        if self.passed() {
            let warned = if warnings > 0 {
                format!(", {}", plural(warnings, "warning"))
            } else {
                String::new()
            };
            format!("passes the {} preflight{warned} ({about})", self.edition)
        } else {
            format!(
                "fails the {} preflight: {}, {} ({about})",
                self.edition,
                plural(errors, "error"),
                plural(warnings, "warning")
            )
        }
    }
}

impl Finding {
    /// The message with its page: `page 3: …`.
    pub fn located_message(&self) -> String {
        match self.page {
            Some(page) if self.more_pages.is_empty() => format!("page {page}: {}", self.message),
            Some(page) => format!(
                "pages {}: {}",
                page_list(page, &self.more_pages),
                self.message
            ),
            None => self.message.clone(),
        }
    }
}

fn level(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "error",
        Severity::Warning => "warning",
    }
}

/// `1–3, 5`: pages in ascending order, runs shortened.
fn page_list(first: u32, more: &[u32]) -> String {
    let mut pages = vec![first];
    pages.extend_from_slice(more);
    pages.sort_unstable();
    pages.dedup();
    let mut runs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < pages.len() {
        let mut j = i;
        while j + 1 < pages.len() && pages[j + 1] == pages[j] + 1 {
            j += 1;
        }
        runs.push(if j > i {
            format!("{}–{}", pages[i], pages[j])
        } else {
            pages[i].to_string()
        });
        i = j + 1;
    }
    runs.join(", ")
}

#[cfg(test)]
mod tests {
    #[test]
    fn page_runs() {
        assert_eq!(super::page_list(1, &[2, 3, 5, 7, 8]), "1–3, 5, 7–8");
        assert_eq!(super::page_list(4, &[]), "4");
    }
}
