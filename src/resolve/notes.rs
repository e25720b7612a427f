//! Footnote numbers, given in document order before the layout runs. A footnote that Typst
//! numbers itself asks for its counter at its place in the document, which is not known in the
//! first layout pass, so every paragraph holding one was laid out twice; a number given here
//! is known from the start (docs/performance.md). The numbers follow the order in which the
//! standard layout prints the parts; `Session::compile` checks the order the document really
//! has and numbers again from it when a layout prints them otherwise.

use super::markup::{Block, Inline};
use super::{Blocks, ViewModel};

/// Numbers the footnotes of the body, from 1, in the order the standard layout prints them.
/// The cover and the legal page are left to the layout (the legal page marks its notes with
/// symbols and starts the count again after it).
pub fn number(vm: &mut ViewModel) {
    let mut next = 1;
    for_each_note(vm, &mut |number| {
        *number = Some(next);
        next += 1;
    });
}

/// Numbers the footnotes again so that they count up in `printed`: the numbers [`number`]
/// gave, in the order the document shows them. A number not in `printed` (a note the layout
/// did not print) keeps its place after those that are.
pub fn renumber(vm: &mut ViewModel, printed: &[u32]) {
    let rank = |n: u32| printed.iter().position(|&p| p == n);
    let mut old: Vec<u32> = Vec::new();
    for_each_note(vm, &mut |number| old.extend(*number));
    let mut order = old.clone();
    order.sort_by_key(|&n| (rank(n).unwrap_or(usize::MAX), n));
    for_each_note(vm, &mut |number| {
        if let Some(n) = *number {
            *number = order.iter().position(|&o| o == n).map(|i| i as u32 + 1);
        }
    });
}

/// Whether the numbers the document shows, in its order, count up from 1 without a gap.
pub fn in_order(printed: &[u32]) -> bool {
    printed.iter().zip(1..).all(|(&n, i)| n == i)
}

/// Every numbered footnote of the body, in print order.
fn for_each_note(vm: &mut ViewModel, f: &mut dyn FnMut(&mut Option<u32>)) {
    let mut texts: Vec<&mut Blocks> = vec![&mut vm.objective.body, &mut vm.introduction.body];
    let fw = &mut vm.framework;
    texts.push(&mut fw.migof_body);
    texts.extend(fw.principles.iter_mut());
    texts.extend(fw.objectives.iter_mut());
    texts.extend(fw.is.iter_mut());
    texts.extend(fw.is_not.iter_mut());
    texts.push(&mut fw.target_body);
    texts.push(&mut vm.key_findings.intro);
    let (descriptions, sections): (Vec<_>, Vec<_>) = vm
        .dimensions
        .iter_mut()
        .map(|d| (&mut d.description, &mut d.sections))
        .unzip();
    texts.extend(descriptions);
    texts.extend(sections.into_iter().flatten().map(|s| &mut s.body));
    for blocks in texts {
        blocks.iter_mut().for_each(|b| block_notes(b, f));
    }
    for group in &mut vm.sources.groups {
        for entry in &mut group.entries {
            inline_notes(&mut entry.title, f);
        }
    }
    let annexes = &mut vm.annexes;
    let mut texts = vec![&mut annexes.migof_body];
    texts.extend(annexes.steps.iter_mut().map(|s| &mut s.body));
    for blocks in texts {
        blocks.iter_mut().for_each(|b| block_notes(b, f));
    }
}

fn block_notes(block: &mut Block, f: &mut dyn FnMut(&mut Option<u32>)) {
    match block {
        Block::Par { content } => inline_notes(content, f),
        Block::List { items } => items.iter_mut().for_each(|i| inline_notes(i, f)),
    }
}

fn inline_notes(inlines: &mut [Inline], f: &mut dyn FnMut(&mut Option<u32>)) {
    for inline in inlines {
        match inline {
            Inline::Note { number, .. } => f(number),
            Inline::Strong { content }
            | Inline::Emph { content }
            | Inline::Link { content, .. } => inline_notes(content, f),
            Inline::Text { .. } | Inline::Linebreak | Inline::Mark { .. } => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_order_counts_up_from_one() {
        assert!(in_order(&[]));
        assert!(in_order(&[1, 2, 3]));
        assert!(!in_order(&[2, 1, 3]));
        assert!(!in_order(&[1, 3]));
    }
}
