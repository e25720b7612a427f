//! Sharding: `--shard K/N` gives N CI machines disjoint sets of documents that together cover
//! every document once. Documents (profile × language) are sorted by name and dealt round-robin,
//! so the partition depends only on the set of documents, never on the machine or the order
//! profiles were given in, and shards differ in size by at most one.

use std::fmt;
use std::str::FromStr;

/// A planned document: a profile (by its folder's name) in one language, and the index of the
/// profile in the batch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub profile: String,
    pub lang: String,
    pub slot: usize,
}

/// Shard `index` (1-based) of `count`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: usize,
    pub count: usize,
}

impl Shard {
    /// The documents of `all` in this shard, or all of them without a shard; sorted by
    /// profile and language either way.
    pub fn select(shard: Option<Shard>, mut all: Vec<Planned>) -> Vec<Planned> {
        all.sort_by(|a, b| (&a.profile, &a.lang).cmp(&(&b.profile, &b.lang)));
        match shard {
            None => all,
            Some(s) => all
                .into_iter()
                .enumerate()
                .filter(|(i, _)| i % s.count == s.index - 1)
                .map(|(_, item)| item)
                .collect(),
        }
    }
}

impl FromStr for Shard {
    type Err = String;

    /// `K/N` with 1 ≤ K ≤ N.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let bad = || format!("`{s}` is not a shard: write K/N with 1 ≤ K ≤ N, e.g. 2/4");
        let (k, n) = s.split_once('/').ok_or_else(bad)?;
        let index: usize = k.trim().parse().map_err(|_| bad())?;
        let count: usize = n.trim().parse().map_err(|_| bad())?;
        if index == 0 || count == 0 || index > count {
            return Err(bad());
        }
        Ok(Shard { index, count })
    }
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shards_cover_everything_once() {
        let docs = |order: &[usize]| -> Vec<Planned> {
            order
                .iter()
                .map(|i| Planned {
                    profile: format!("p{}", i / 3),
                    lang: format!("l{}", i % 3),
                    slot: 0,
                })
                .collect()
        };
        let mut seen = Vec::new();
        for k in 1..=3 {
            let shard = Some(Shard { index: k, count: 3 });
            // The same partition whatever order the documents come in.
            let a = Shard::select(shard, docs(&[0, 1, 2, 3, 4, 5, 6]));
            let b = Shard::select(shard, docs(&[6, 5, 4, 3, 2, 1, 0]));
            assert_eq!(a, b);
            seen.extend(a.into_iter().map(|d| format!("{}.{}", d.profile, d.lang)));
        }
        seen.sort();
        let mut all: Vec<String> = docs(&[0, 1, 2, 3, 4, 5, 6])
            .into_iter()
            .map(|d| format!("{}.{}", d.profile, d.lang))
            .collect();
        all.sort();
        assert_eq!(seen, all);
        assert!("0/3".parse::<Shard>().is_err());
        assert!("4/3".parse::<Shard>().is_err());
        assert_eq!("2/3".parse::<Shard>(), Ok(Shard { index: 2, count: 3 }));
    }
}
