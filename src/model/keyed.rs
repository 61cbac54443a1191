//! A map from text keys to values, kept in key order in one `Vec`: the plan's answers, checklist
//! ticks and scores. They hold a few hundred entries at most, where a sorted vector is as quick
//! as a `BTreeMap`, and its code is a few small functions instead of a tree's (which the compiler
//! writes out again for every value type: 12 KB of the download for the plan's three maps).

#[cfg(test)]
use std::ops::Index;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Keyed<T>(Vec<(String, T)>);

impl<T> Default for Keyed<T> {
    fn default() -> Self {
        Keyed(Vec::new())
    }
}

impl<T> Keyed<T> {
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, key: &str) -> Result<usize, usize> {
        self.0.binary_search_by(|(k, _)| k.as_str().cmp(key))
    }

    pub fn get(&self, key: &str) -> Option<&T> {
        self.find(key).ok().map(|i| &self.0[i].1)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.find(key).is_ok()
    }

    /// Sets `key` to `value`; returns the value it replaced.
    pub fn insert(&mut self, key: String, value: T) -> Option<T> {
        match self.find(&key) {
            Ok(i) => Some(std::mem::replace(&mut self.0[i].1, value)),
            Err(i) => {
                self.0.insert(i, (key, value));
                None
            }
        }
    }

    pub fn remove(&mut self, key: &str) -> Option<T> {
        self.find(key).ok().map(|i| self.0.remove(i).1)
    }

    /// Entries in key order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &T)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &T> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl<T> FromIterator<(String, T)> for Keyed<T> {
    /// The last value of a repeated key wins, as with a map.
    fn from_iter<I: IntoIterator<Item = (String, T)>>(entries: I) -> Self {
        Keyed::from_entries(entries.into_iter().collect())
    }
}

impl<T> Keyed<T> {
    /// Entries in any order, sorted once: inserting them one by one would move the vector's tail
    /// for each, which a file with 100,000 keys in reverse order would turn into minutes.
    pub fn from_entries(mut entries: Vec<(String, T)>) -> Self {
        // A stable sort keeps repeated keys in their order, so the last one is kept.
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        let mut out: Vec<(String, T)> = Vec::with_capacity(entries.len());
        for entry in entries {
            if out.last().is_some_and(|last| last.0 == entry.0) {
                out.pop();
            }
            out.push(entry);
        }
        Keyed(out)
    }
}

impl<'a, T> IntoIterator for &'a Keyed<T> {
    type Item = (&'a String, &'a T);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, T)>,
        fn(&'a (String, T)) -> (&'a String, &'a T),
    >;

    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k, v))
    }
}

/// Written as a JSON object in key order.
impl<T: serde::Serialize> serde::Serialize for Keyed<T> {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

/// Read from a JSON object; a key given twice is refused (which value was meant cannot be known).
impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for Keyed<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Entries<T>(std::marker::PhantomData<T>);
        impl<'de, T: serde::Deserialize<'de>> serde::de::Visitor<'de> for Entries<T> {
            type Value = Keyed<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a map")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Keyed<T>, A::Error> {
                let mut entries = Vec::with_capacity(map.size_hint().unwrap_or(0).min(4096));
                while let Some(entry) = map.next_entry::<String, T>()? {
                    entries.push(entry);
                }
                let count = entries.len();
                let keyed = Keyed::from_entries(entries);
                if keyed.len() < count {
                    return Err(serde::de::Error::custom(super::json::DUPLICATE_KEY));
                }
                Ok(keyed)
            }
        }
        deserializer.deserialize_map(Entries(std::marker::PhantomData))
    }
}

/// Only for tests: it panics when `key` is missing, like a map's index.
#[cfg(test)]
impl<T> Index<&str> for Keyed<T> {
    type Output = T;

    fn index(&self, key: &str) -> &T {
        match self.get(key) {
            Some(v) => v,
            None => panic!("no entry for {key:?}"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    proptest! {
        /// Whatever is inserted and removed, it holds what a `BTreeMap` would, in the same order.
        #[test]
        fn behaves_as_a_btree_map(ops in prop::collection::vec((any::<bool>(), "[a-d]{0,2}", any::<u8>()), 0..60)) {
            let mut ours = Keyed::new();
            let mut theirs = BTreeMap::new();
            for (insert, key, value) in ops {
                if insert {
                    prop_assert_eq!(ours.insert(key.clone(), value), theirs.insert(key, value));
                } else {
                    prop_assert_eq!(ours.remove(&key), theirs.remove(&key));
                }
                prop_assert_eq!(ours.iter().collect::<Vec<_>>(), theirs.iter().collect::<Vec<_>>());
                prop_assert_eq!(ours.len(), theirs.len());
            }
            for key in ["", "a", "ab", "dd"] {
                prop_assert_eq!(ours.get(key), theirs.get(key));
                prop_assert_eq!(ours.contains_key(key), theirs.contains_key(key));
            }
        }

        /// Built from entries in any order, repeated keys and all, it is what a `BTreeMap` is.
        #[test]
        fn collects_as_a_btree_map(entries in prop::collection::vec(("[a-d]{0,2}", any::<u8>()), 0..60)) {
            let ours: Keyed<u8> = entries.iter().cloned().collect();
            let theirs: BTreeMap<String, u8> = entries.into_iter().collect();
            prop_assert_eq!(ours.iter().collect::<Vec<_>>(), theirs.iter().collect::<Vec<_>>());
        }
    }
}
