//! Turns the glyphs of a page into its words in reading order: glyphs on one baseline form a
//! line, read by position; right-to-left lines (Arabic, Hebrew) are read from the right; a word
//! broken by a hyphen at the end of a line is joined again.

use super::glyphs::PlacedGlyph;

/// A word on a page.
#[derive(Debug, Clone, PartialEq)]
pub struct Word {
    pub text: String,
    /// The font size of its largest glyph: body text, footnotes, running headers and headings
    /// differ in size, and the text diff keeps them apart.
    pub size: f64,
    /// The baseline of its line, from the top of the page.
    pub y: f64,
}

/// The words of a page, in reading order.
pub fn page_words(glyphs: &[PlacedGlyph]) -> Vec<Word> {
    let mut words: Vec<Word> = Vec::new();
    for line in lines(glyphs) {
        let line_words = line_words(line);
        join_hyphenated(&mut words, line_words);
    }
    words
}

/// The key a word is compared by: hyphens left out, so that a word broken across two lines
/// (and joined again) equals the same word unbroken.
pub fn compare_key(word: &str) -> String {
    word.chars().filter(|c| !is_hyphen(*c)).collect()
}

/// Consecutive glyphs on the same baseline, each line sorted left to right.
fn lines(glyphs: &[PlacedGlyph]) -> Vec<Vec<&PlacedGlyph>> {
    let mut lines: Vec<Vec<&PlacedGlyph>> = Vec::new();
    for glyph in glyphs {
        let same_line = lines.last().and_then(|l| l.last()).is_some_and(|prev| {
            let tolerance = 0.45 * prev.size.max(glyph.size);
            (prev.y - glyph.y).abs() <= tolerance
        });
        match lines.last_mut() {
            Some(line) if same_line => line.push(glyph),
            _ => lines.push(vec![glyph]),
        }
    }
    for line in &mut lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
}

/// The words of one line (glyphs sorted left to right) in reading order.
fn line_words(line: Vec<&PlacedGlyph>) -> Vec<Word> {
    let mut groups: Vec<Vec<&PlacedGlyph>> = Vec::new();
    let mut prev: Option<&PlacedGlyph> = None;
    for glyph in line {
        if glyph.text.chars().all(char::is_whitespace) {
            prev = None;
            groups.push(Vec::new());
            continue;
        }
        let gap = prev.is_some_and(|p| glyph.x - (p.x + p.advance) > 0.25 * p.size.max(1.0));
        match groups.last_mut() {
            Some(group) if !gap => group.push(glyph),
            _ => groups.push(vec![glyph]),
        }
        prev = Some(glyph);
    }
    let rtl_line = is_rtl_dominant(&groups);
    let words: Vec<Word> = groups
        .into_iter()
        .filter(|g| !g.is_empty())
        .map(|group| word(&group, rtl_line))
        .collect();
    if rtl_line {
        logical_order(words, |w| direction(&w.text))
    } else {
        words
    }
}

/// The word of a group of glyphs drawn left to right.
fn word(group: &[&PlacedGlyph], rtl_line: bool) -> Word {
    let glyphs: Vec<&str> = group.iter().map(|g| g.text.as_str()).collect();
    let text = if rtl_line || glyphs.iter().any(|t| t.chars().any(is_rtl)) {
        logical_order(glyphs, |t| direction(t)).concat()
    } else {
        glyphs.concat()
    };
    Word {
        text,
        size: group.iter().map(|g| g.size).fold(0.0, f64::max),
        y: group[0].y,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Direction {
    Ltr,
    Rtl,
    Neutral,
}

/// Right to left if any character is, left to right if any is a letter or digit, else neutral.
fn direction(text: &str) -> Direction {
    if text.chars().any(is_rtl) {
        Direction::Rtl
    } else if text.chars().any(char::is_alphanumeric) {
        Direction::Ltr
    } else {
        Direction::Neutral
    }
}

/// Items of a right-to-left run, drawn left to right, in reading order (a small part of the
/// Unicode bidi algorithm): runs of left-to-right items (Latin words, numbers) keep their order,
/// everything else reads from the right. A neutral item (punctuation) between two left-to-right
/// items belongs to them (`1.2`, `ILO – Convention`).
fn logical_order<T>(items: Vec<T>, class: impl Fn(&T) -> Direction) -> Vec<T> {
    let classes: Vec<Direction> = items.iter().map(&class).collect();
    let strong_before = |i: usize| {
        classes[..i]
            .iter()
            .rev()
            .find(|c| **c != Direction::Neutral)
    };
    let strong_after = |i: usize| classes[i + 1..].iter().find(|c| **c != Direction::Neutral);
    let ltr: Vec<bool> = (0..items.len())
        .map(|i| match classes[i] {
            Direction::Ltr => true,
            Direction::Rtl => false,
            Direction::Neutral => {
                strong_before(i) == Some(&Direction::Ltr)
                    && strong_after(i) == Some(&Direction::Ltr)
            }
        })
        .collect();
    let mut runs: Vec<(bool, Vec<T>)> = Vec::new();
    for (item, is_ltr) in items.into_iter().zip(ltr) {
        match runs.last_mut() {
            Some((run_ltr, run)) if *run_ltr == is_ltr => run.push(item),
            _ => runs.push((is_ltr, vec![item])),
        }
    }
    runs.into_iter()
        .rev()
        .flat_map(|(is_ltr, mut run)| {
            if !is_ltr {
                run.reverse();
            }
            run
        })
        .collect()
}

/// Appends a line's words, joining a word hyphenated at the end of the previous line with the
/// first word of this one when that starts in lower case.
fn join_hyphenated(words: &mut Vec<Word>, line: Vec<Word>) {
    let mut line = line.into_iter();
    let Some(first) = line.next() else { return };
    let ends_in_hyphen =
        |w: &Word| w.text.chars().count() > 1 && w.text.chars().last().is_some_and(is_hyphen);
    let continues = words.last().is_some_and(ends_in_hyphen)
        && first.text.chars().next().is_some_and(char::is_lowercase);
    match words.last_mut() {
        Some(last) if continues => last.text.push_str(&first.text),
        _ => words.push(first),
    }
    words.extend(line);
}

fn is_rtl_dominant(groups: &[Vec<&PlacedGlyph>]) -> bool {
    let (mut rtl, mut ltr) = (0usize, 0usize);
    for c in groups.iter().flatten().flat_map(|g| g.text.chars()) {
        if is_rtl(c) {
            rtl += 1;
        } else if c.is_alphabetic() {
            ltr += 1;
        }
    }
    rtl > ltr
}

/// Hebrew, Arabic, Syriac, Thaana, N'Ko and their presentation forms.
fn is_rtl(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{00AD}')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn glyph(text: &str, x: f64, y: f64) -> PlacedGlyph {
        PlacedGlyph {
            text: text.into(),
            x,
            y,
            size: 10.0,
            advance: 5.0,
        }
    }

    fn run(text: &str, x: f64, y: f64) -> Vec<PlacedGlyph> {
        text.chars()
            .enumerate()
            .map(|(i, c)| glyph(&c.to_string(), x + 5.0 * i as f64, y))
            .collect()
    }

    fn texts(glyphs: &[PlacedGlyph]) -> Vec<String> {
        page_words(glyphs).into_iter().map(|w| w.text).collect()
    }

    #[test]
    fn words_split_at_spaces_and_lines() {
        let mut glyphs = run("two words", 0.0, 10.0);
        glyphs.extend(run("next", 0.0, 30.0));
        assert_eq!(texts(&glyphs), ["two", "words", "next"]);
    }

    #[test]
    fn hyphenated_words_are_joined() {
        let mut glyphs = run("emer-", 0.0, 10.0);
        glyphs.extend(run("gency Care", 0.0, 30.0));
        let words = texts(&glyphs);
        assert_eq!(words, ["emer-gency", "Care"]);
        assert_eq!(compare_key(&words[0]), "emergency");
    }

    #[test]
    fn numbers_and_latin_words_keep_their_order_in_right_to_left_lines() {
        // "نعم (2003) اتفاقية الدولية ILO Convention 1.2" as drawn: left to right, the Latin
        // run first, brackets mirrored.
        let glyphs = run("ILO Convention 1.2 ةيلودلا ةيقافتا )2003( معن", 0.0, 10.0);
        assert_eq!(
            texts(&glyphs),
            [
                "نعم",
                "(2003)",
                "اتفاقية",
                "الدولية",
                "ILO",
                "Convention",
                "1.2"
            ]
        );
        // "الجدول 1. 1951،": the full stop and the Arabic comma stand left of their numbers.
        let glyphs = run("،1951 .1 لودجلا", 0.0, 10.0);
        assert_eq!(texts(&glyphs), ["الجدول", "1.", "1951،"]);
    }

    #[test]
    fn right_to_left_lines_read_from_the_right() {
        // "قانون جديد" drawn left to right: the last word first, each word's letters reversed.
        let glyphs = run("ديدج نوناق", 0.0, 10.0);
        assert_eq!(texts(&glyphs), ["قانون", "جديد"]);
    }
}
