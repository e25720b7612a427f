//! What keeps other web sites away from the preview: a page the editor has open in the same
//! browser may send requests to it, or rebind its own name to 127.0.0.1 (DNS rebinding) and
//! read unpublished drafts. So every request must name an allowed host (`localhost`,
//! `127.0.0.1`, `[::1]`, the `--host` value and the `--allowed-host` names), come from the
//! preview's own origin or from none, and not be a cross-site fetch; every answer carries
//! headers that forbid sniffing, referrers and framing, and a Content-Security-Policy that lets
//! only the page's own script and style run. No CORS header is ever sent.

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use sha2::{Digest, Sha256};
use tiny_http::{Header, Request};

/// The host names every preview answers to.
const ALWAYS: &[&str] = &["localhost", "127.0.0.1", "[::1]"];

/// The hosts a preview answers to.
pub struct Guard {
    /// Lower-case names without a port, IPv6 addresses in brackets.
    allowed: Vec<String>,
}

impl Guard {
    /// The default names, the address the server listens on, and the names given.
    pub fn new(listen_host: &str, more: &[String]) -> Guard {
        let allowed = ALWAYS
            .iter()
            .map(|s| s.to_string())
            .chain(std::iter::once(listen_host.to_string()))
            .chain(more.iter().cloned())
            .map(|name| bracketed(&name.trim().to_ascii_lowercase()))
            .collect();
        Guard { allowed }
    }

    /// Why the request is refused (a 403), or `None` when it may be answered.
    pub fn refusal(&self, request: &Request) -> Option<&'static str> {
        let Some(host) = header_value(request, "Host") else {
            return Some("the request names no host");
        };
        if !host_name(&host).is_some_and(|name| self.allowed.contains(&name)) {
            return Some(
                "this preview answers only to localhost, 127.0.0.1, [::1], its --host address and the names given with --allowed-host",
            );
        }
        // Same origin: the scheme (https behind a proxy), then the very host the request names.
        let same_origin = |origin: &str| {
            let origin = origin.to_ascii_lowercase();
            let rest = origin
                .strip_prefix("http://")
                .or(origin.strip_prefix("https://"));
            rest.is_some_and(|rest| rest.eq_ignore_ascii_case(&host))
        };
        if let Some(origin) = header_value(request, "Origin")
            && !same_origin(&origin)
        {
            return Some("requests from other origins are refused");
        }
        match header_value(request, "Sec-Fetch-Site").as_deref() {
            None | Some("same-origin" | "none") => None,
            Some(_) => Some("requests from other sites are refused"),
        }
    }
}

/// An IPv6 address as a Host header writes it, in brackets; other names unchanged.
fn bracketed(name: &str) -> String {
    if name.contains(':') && !name.starts_with('[') {
        format!("[{name}]")
    } else {
        name.to_string()
    }
}

/// The name of a Host header value, lower case, without its port; `None` when malformed.
fn host_name(value: &str) -> Option<String> {
    let value = value.trim().to_ascii_lowercase();
    let (name, after) = match value.find(']') {
        Some(end) if value.starts_with('[') => value.split_at(end + 1),
        _ => match value.find(':') {
            Some(colon) => value.split_at(colon),
            None => (value.as_str(), ""),
        },
    };
    let port_ok = after.is_empty()
        || after
            .strip_prefix(':')
            .is_some_and(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_digit()));
    let name_ok = !name.is_empty() && (name.starts_with('[') || !name.contains(['[', ']']));
    (port_ok && name_ok).then(|| name.to_string())
}

/// The value of the request's header `name` (the first, when several).
fn header_value(request: &Request, name: &str) -> Option<String> {
    request
        .headers()
        .iter()
        .find(|h| h.field.as_str().as_str().eq_ignore_ascii_case(name))
        .map(|h| h.value.as_str().to_string())
}

/// The headers sent with every answer.
pub struct SecurityHeaders {
    headers: Vec<(String, String)>,
}

impl SecurityHeaders {
    /// For the page `page`: its inline `<script>` and `<style>` are allowed by their hashes,
    /// and images, fetches and the event stream by the preview's own origin; nothing else.
    pub fn for_page(page: &str) -> SecurityHeaders {
        let hash = |tag: &str| {
            let body = between(page, &format!("<{tag}>"), &format!("</{tag}>")).unwrap_or("");
            format!(
                "'sha256-{}'",
                STANDARD.encode(Sha256::digest(body.as_bytes()))
            )
        };
        let csp = format!(
            "default-src 'none'; script-src {}; style-src {}; img-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
            hash("script"),
            hash("style")
        );
        let headers = [
            ("X-Content-Type-Options", "nosniff".to_string()),
            ("Referrer-Policy", "no-referrer".to_string()),
            ("X-Frame-Options", "DENY".to_string()),
            ("Content-Security-Policy", csp),
        ];
        SecurityHeaders {
            headers: headers
                .into_iter()
                .map(|(n, v)| (n.to_string(), v))
                .collect(),
        }
    }

    /// As tiny_http headers.
    pub fn list(&self) -> impl Iterator<Item = Header> + '_ {
        self.headers
            .iter()
            .filter_map(|(name, value)| Header::from_bytes(name.as_bytes(), value.as_bytes()).ok())
    }

    /// As lines of a response head written by hand (`Name: value\r\n` each).
    pub fn head_lines(&self) -> String {
        self.headers
            .iter()
            .map(|(name, value)| format!("{name}: {value}\r\n"))
            .collect()
    }
}

/// The text between the first `open` and the `close` after it.
fn between<'a>(text: &'a str, open: &str, close: &str) -> Option<&'a str> {
    let start = text.find(open)? + open.len();
    let end = start + text[start..].find(close)?;
    Some(&text[start..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn host_names_lose_their_port() {
        assert_eq!(host_name("127.0.0.1:3000").as_deref(), Some("127.0.0.1"));
        assert_eq!(host_name("LocalHost").as_deref(), Some("localhost"));
        assert_eq!(host_name("[::1]:8080").as_deref(), Some("[::1]"));
        assert_eq!(host_name("[::1]").as_deref(), Some("[::1]"));
        assert_eq!(host_name("a.example:"), None);
        assert_eq!(host_name("a.example:80:80"), None);
        assert_eq!(host_name("::1"), None);
        assert_eq!(host_name("[::1"), None);
        assert_eq!(host_name("[::1]x"), None);
        assert_eq!(host_name(""), None);
    }

    #[test]
    fn the_listen_address_and_given_names_are_allowed() {
        let guard = Guard::new("::1", &["Preview.Example".to_string()]);
        for name in ["localhost", "127.0.0.1", "[::1]", "preview.example"] {
            assert!(guard.allowed.iter().any(|a| a == name), "{name}");
        }
    }

    #[test]
    fn the_csp_names_the_pages_own_script() {
        let page = "<style>a{}</style><script>go()</script>";
        let lines = SecurityHeaders::for_page(page).head_lines();
        let script = STANDARD.encode(Sha256::digest(b"go()"));
        assert!(
            lines.contains(&format!("script-src 'sha256-{script}'")),
            "{lines}"
        );
        assert!(lines.contains("frame-ancestors 'none'"), "{lines}");
        assert!(
            lines.contains("X-Content-Type-Options: nosniff\r\n"),
            "{lines}"
        );
    }
}
