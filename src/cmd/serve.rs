//! `mgi-press serve`: a local page that shows a profile's pages and updates them by itself on
//! every change (server-sent events; only pages whose layout changed are fetched again). The
//! last good pages stay while the input is broken, with the problems above them. Only the
//! preview's own routes exist: `/`, `/state`, `/page/N`, `/events`, `/lang/L`, `/where`;
//! nothing else of the machine is reachable. `tiny_http` serves, one thread per request (an event stream
//! holds its thread until the browser goes away, at most [`streams::MAX_STREAMS`] at once).
//! [`guard`] refuses requests for other hosts and from other sites (docs/preview-security.md).

mod guard;
mod streams;

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::{Arc, Condvar, Mutex, mpsc};

use mgi_press::Session;
use mgi_press::diagnostics::{Diagnostic, RenderStyle, render_all};
use mgi_press::preview::Preview;
use tiny_http::{Header, Request, Response, Server};

use super::args::ServeArgs;
use super::watch::{on_changes, watched_paths};
use super::{CmdResult, check_lang, open_for, report};

const PAGE: &str = include_str!("serve.html");

/// Events closer together than this are one change. Shorter than `watch`'s: the wait counts
/// in the time from a save to the page, and a file caught half-saved only shows a problem
/// for a moment (the last good pages stay) before the next event brings the whole file.
const DEBOUNCE: std::time::Duration = std::time::Duration::from_millis(25);

/// What the page shows, and a generation counter bumped on every update.
struct State {
    generation: u64,
    preview: Preview,
    lang: String,
    langs: Vec<String>,
}

struct Shared {
    state: Mutex<State>,
    updated: Condvar,
    guard: guard::Guard,
    headers: guard::SecurityHeaders,
    streams: Arc<streams::Streams>,
}

pub fn run(args: ServeArgs, style: &RenderStyle) -> CmdResult {
    let given: Vec<PathBuf> = args.profile.iter().cloned().collect();
    let session = open_for(&args.project, &given)?;
    let dir = session.profile_dirs(&given)?.remove(0);
    let lang = check_lang(&args.lang)?;
    let langs: Vec<String> = mgi_press::load::text_languages(&dir);
    let watched = watched_paths(&session, std::slice::from_ref(&dir));
    // What the session holds: a change under these opens a new one.
    let session_roots: Vec<PathBuf> = [session.project.layout_dir(), session.project.fonts_dir()]
        .into_iter()
        .filter(|p| !mgi_press::builtin::is_builtin(p))
        .map(|p| std::path::absolute(&p).unwrap_or(p))
        .collect();
    drop(session);
    let server = Server::http((args.host.as_str(), args.port)).map_err(|e| {
        vec![Diagnostic::error(format!(
            "cannot listen on {}:{}: {e}",
            args.host, args.port
        ))]
    })?;
    let shared = Arc::new(Shared {
        state: Mutex::new(State {
            generation: 0,
            preview: Preview::of_edition(args.edition.edition()),
            lang,
            langs,
        }),
        updated: Condvar::new(),
        guard: guard::Guard::new(&args.host, &args.allowed_hosts),
        headers: guard::SecurityHeaders::for_page(PAGE),
        streams: Arc::default(),
    });
    // Each message asks for an update; `true` when the session must be opened again.
    let (redo, todo) = mpsc::channel::<bool>();
    spawn_updater(
        shared.clone(),
        args.project.clone(),
        dir.clone(),
        todo,
        *style,
    );
    // The first render is asked for by the watcher once it is in place.
    let on_change = redo.clone();
    std::thread::spawn(move || {
        // The preview writes no outputs; `out/` is ignored only as `build` would write there.
        let _ = on_changes(&watched, &PathBuf::from("out"), DEBOUNCE, |paths| {
            let _ = on_change.send(
                paths.is_empty()
                    || paths
                        .iter()
                        .any(|p| session_roots.iter().any(|r| p.starts_with(r))),
            );
        });
    });
    if let Some(addr) = server.server_addr().to_ip() {
        let url = format!("http://{addr}/");
        super::out(&format!("serving {url} (Ctrl-C to stop)\n"));
        if args.open {
            super::browser::open(&url);
        }
    }
    for request in server.incoming_requests() {
        let (shared, redo) = (shared.clone(), redo.clone());
        std::thread::spawn(move || respond(request, &shared, &redo));
    }
    Ok(ExitCode::SUCCESS)
}

/// Recompiles on every request for one (file change, language switch). The session (layout
/// sources, language packs, fonts) is kept while only the profile changes, and opened again
/// when the layout folder or the fonts change.
fn spawn_updater(
    shared: Arc<Shared>,
    project: super::args::ProjectArgs,
    dir: PathBuf,
    todo: mpsc::Receiver<bool>,
    style: RenderStyle,
) {
    std::thread::spawn(move || {
        let mut kept: Option<Session> = None;
        while let Ok(mut reopen) = todo.recv() {
            while let Ok(more) = todo.try_recv() {
                reopen |= more;
            }
            if reopen || kept.is_none() {
                kept = match open_for(&project, std::slice::from_ref(&dir)) {
                    Ok(s) => Some(s),
                    Err(d) => {
                        report(&d, &style);
                        continue;
                    }
                };
            }
            let Some(session) = kept.as_ref() else {
                continue;
            };
            let (mut preview, lang) = {
                let mut st = lock(&shared.state);
                (std::mem::take(&mut st.preview), st.lang.clone())
            };
            preview.update(session, &dir, &lang, false);
            report(&preview.diagnostics, &style);
            eprintln!(
                "[{lang}] {} pages in {} ms",
                preview.pages.len(),
                preview.millis
            );
            let mut st = lock(&shared.state);
            st.preview = preview;
            st.generation += 1;
            shared.updated.notify_all();
        }
    });
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(|p| p.into_inner())
}

fn header(name: &str, value: &str) -> Header {
    Header::from_bytes(name.as_bytes(), value.as_bytes()).unwrap_or_else(|_| unreachable!())
}

/// Answers one request: 403 for another host or site, 405 for anything but GET, 404 for
/// anything but the preview's own routes; the security headers on every answer.
fn respond(request: Request, shared: &Arc<Shared>, redo: &mpsc::Sender<bool>) {
    let with_headers = |mut response: tiny_http::ResponseBox| {
        for h in shared.headers.list() {
            response.add_header(h);
        }
        response
    };
    if let Some(why) = shared.guard.refusal(&request) {
        let response = Response::from_string(format!("forbidden: {why}\n")).with_status_code(403);
        let _ = request.respond(with_headers(response.boxed()));
        return;
    }
    if *request.method() != tiny_http::Method::Get {
        let response = Response::from_string("only GET\n").with_status_code(405);
        let _ = request.respond(with_headers(response.boxed()));
        return;
    }
    let path = request.url().split('?').next().unwrap_or("").to_string();
    if path == "/events" {
        return events(request, shared);
    }
    let not_found = || {
        Response::from_string("not found")
            .with_status_code(404)
            .boxed()
    };
    let response = match path.as_str() {
        "/" => Response::from_string(index(shared))
            .with_header(header("Content-Type", "text/html; charset=utf-8"))
            .boxed(),
        "/state" => Response::from_string(state_json(shared))
            .with_header(header("Content-Type", "application/json"))
            .with_chunked_threshold(usize::MAX)
            .boxed(),
        "/where" => where_is(shared, request.url()).unwrap_or_else(not_found),
        p => match (p.strip_prefix("/page/"), p.strip_prefix("/lang/")) {
            (Some(n), _) => page(shared, n).unwrap_or_else(not_found),
            (_, Some(l)) => switch(shared, redo, l).unwrap_or_else(not_found),
            _ => not_found(),
        },
    };
    let _ = request.respond(with_headers(response));
}

/// `/events`: a server-sent event stream, one `data:` line per update, written and flushed
/// straight to the socket (a tiny_http response body would be buffered). When the browser
/// goes away, a write fails (within two polls) and the thread ends; a stream dropped for a
/// newer one gets a `bye` event and ends.
fn events(request: Request, shared: &Shared) {
    let ticket = shared.streams.join();
    let mut w = request.into_writer();
    let head = format!(
        "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-cache\r\n{}\r\n",
        shared.headers.head_lines()
    );
    if w.write_all(head.as_bytes())
        .and_then(|()| w.flush())
        .is_err()
    {
        return;
    }
    let mut seen = lock(&shared.state).generation;
    loop {
        let generation = {
            let st = lock(&shared.state);
            let (st, _) = shared
                .updated
                .wait_timeout_while(st, streams::POLL, |st| st.generation == seen)
                .unwrap_or_else(|p| p.into_inner());
            st.generation
        };
        // A comment line when nothing changed: a client that went away is noticed (the write
        // fails) and its thread ends, even while no edit comes.
        let event = if ticket.dropped() {
            "event: bye\ndata: more preview streams are open than the server keeps\n\n".to_string()
        } else if generation == seen {
            ":\n".to_string()
        } else {
            format!("data: {generation}\n\n")
        };
        seen = generation;
        if w.write_all(event.as_bytes())
            .and_then(|()| w.flush())
            .is_err()
            || ticket.dropped()
        {
            return;
        }
    }
}

/// The page with the current pages already in it (so they load with the page; the script
/// then keeps them up to date).
fn index(shared: &Shared) -> String {
    let st = lock(&shared.state);
    let figures: String = st
        .preview
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let n = i + 1;
            format!(
                "<figure data-id=\"{id}\"><img alt=\"page {n}\" src=\"/page/{n}?id={id}\"><figcaption>{n}</figcaption></figure>",
                id = p.id
            )
        })
        .collect();
    PAGE.replace(
        "<main id=\"pages\"></main>",
        &format!("<main id=\"pages\">{figures}</main>"),
    )
}

fn state_json(shared: &Shared) -> String {
    let st = lock(&shared.state);
    let p = &st.preview;
    serde_json::json!({
        "generation": st.generation,
        "lang": st.lang,
        "langs": st.langs,
        "failed": p.failed,
        "millis": p.millis,
        "pages": p.pages.iter().map(|pg| pg.id.clone()).collect::<Vec<_>>(),
        "problems": render_all(&p.diagnostics),
        "diagnostics": p.diagnostics,
        "flags": p.flagged().iter().filter_map(|(r, d)| {
            let at = r.start()?;
            Some(serde_json::json!({
                "page": at.page, "y": at.y0, "key": r.key, "file": r.file, "message": d.message,
            }))
        }).collect::<Vec<_>>(),
    })
    .to_string()
}

/// `/page/N` (1-based): the page's PNG, rendered on the first request (outside the lock).
fn page(shared: &Shared, n: &str) -> Option<tiny_http::ResponseBox> {
    let index: usize = n.parse().ok().filter(|i| *i >= 1)?;
    let png = lock(&shared.state).preview.png(index - 1)?;
    let png = png.bytes();
    Some(
        Response::from_data(png.as_slice().to_vec())
            .with_header(header("Content-Type", "image/png"))
            .with_header(header("Cache-Control", "max-age=31536000, immutable"))
            .with_chunked_threshold(usize::MAX)
            .boxed(),
    )
}

/// `/where?page=N&x=X&y=Y` (points from the top-left corner; `x` optional): which file and
/// key the text there comes from, and the boxes it covers (on every page it is on).
fn where_is(shared: &Shared, url: &str) -> Option<tiny_http::ResponseBox> {
    let query = url.split_once('?')?.1;
    let value = |name: &str| {
        query
            .split('&')
            .find_map(|kv| kv.strip_prefix(name)?.strip_prefix('='))
    };
    let page: usize = value("page")?.parse().ok()?;
    let y: f64 = value("y")?.parse().ok()?;
    let x: Option<f64> = match value("x") {
        Some(x) => Some(x.parse().ok()?),
        None => None,
    };
    let st = lock(&shared.state);
    let region = st.preview.source_at(page, x, y)?;
    let body = serde_json::json!({ "file": region.file, "key": region.key, "boxes": region.boxes })
        .to_string();
    Some(
        Response::from_string(body)
            .with_header(header("Content-Type", "application/json"))
            .boxed(),
    )
}

/// `/lang/L`: shows another of the profile's languages.
fn switch(
    shared: &Shared,
    redo: &mpsc::Sender<bool>,
    lang: &str,
) -> Option<tiny_http::ResponseBox> {
    {
        let mut st = lock(&shared.state);
        if !st.langs.iter().any(|l| l == lang) {
            return None;
        }
        st.lang = lang.to_string();
    }
    let _ = redo.send(false);
    Some(Response::empty(204).boxed())
}
