//! `localStorage`, through gloo-storage. Whether storage is usable at all is probed once, with
//! web-sys (`PlanStore::open`): a getter that throws (blocked) or returns `null` (turned off)
//! means the app works in memory and never reaches `gloo_storage::LocalStorage`, which panics in
//! those cases. Once the probe has succeeded, every read, write and removal goes through
//! `LocalStorage::raw()`, and the small serde values (the index, the settings) are written and
//! read with serde_json. Not `LocalStorage::get`/`set`/`delete`: they panic too, when `getItem` or
//! `removeItem` throws or `setItem` throws something that is not an `Error`, where `raw()`'s
//! calls return the thrown value for `classify`. Every call returns a `Result`; none may panic.

use gloo_storage::{LocalStorage, Storage as _};
use js_sys::JsString;
use wasm_bindgen::prelude::wasm_bindgen;
use wasm_bindgen::{JsCast, JsValue};

// `getItem` and `setItem` on JavaScript strings, never copied into Rust: saving a 2 MB plan
// compares and copies it within the browser (the backup, the read-back check), and measuring
// storage reads only each value's length.
#[wasm_bindgen]
extern "C" {
    type JsStorage;
    #[wasm_bindgen(method, catch, js_name = getItem)]
    fn get_js(this: &JsStorage, key: &str) -> Result<Option<JsString>, JsValue>;
    #[wasm_bindgen(method, catch, js_name = setItem)]
    fn set_js(this: &JsStorage, key: &str, value: &JsString) -> Result<(), JsValue>;
}

use super::budget::utf16_units;
use super::revision::{may_save, Revision};
use super::StorageFault;
use crate::model::library::{Library, PlanEntry};
use crate::model::{decode, Decoded, ImportError, Millis};

/// Every key the app writes starts with this.
pub const PREFIX: &str = "partnership-planner:";
/// The list of plans on this device (`model::library::Library`).
pub const LIBRARY_KEY: &str = "partnership-planner:library";
/// Each plan is kept under this prefix plus its id.
pub const PLAN_PREFIX: &str = "partnership-planner:plan:";
/// Unreadable stored values are copied under this prefix plus the time, never overwritten.
pub const QUARANTINE_PREFIX: &str = "partnership-planner:quarantine:";
/// The previous good version of each plan, for "Restore previous version".
pub const BACKUP_PREFIX: &str = "partnership-planner:backup:";
/// Each plan's save counter, so a stale tab cannot overwrite a newer save.
pub const REVISION_PREFIX: &str = "partnership-planner:revision:";

/// Device settings (`Settings`).
pub const SETTINGS_KEY: &str = "partnership-planner:settings";
/// Where there is no `BroadcastChannel`, a signal to the other tabs (`model::tabs`) is written
/// here and removed at once: the write reaches them as a `storage` event.
pub const SIGNAL_KEY: &str = "partnership-planner:signal";

/// Choices that belong to this device, not to a plan. Lenient, with defaults: settings from
/// another version of the app still open.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The "Quick exit" button and the Shift-three-times shortcut.
    pub quick_exit: bool,
    /// The app opens on its lock screen until unlocked.
    pub locked: bool,
    /// With a passphrase: a known text sealed with it (`io::crypto`); unlocking must open it.
    pub lock_check: Option<String>,
    /// The notice about a shared origin (`*.github.io`) was dismissed on this device.
    pub shared_origin_dismissed: bool,
    /// This device's random id, in the revision stamps of its edits (`model::stamp`).
    pub device_id: String,
    /// "Who am I on this device" (optional), shown to colleagues in merge screens.
    pub who: String,
    /// The language chosen with the "English / Español" switch; none until one is chosen (a
    /// first visit follows the browser's language).
    pub language: Option<crate::lang::Lang>,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            quick_exit: true,
            locked: false,
            lock_check: None,
            shared_origin_dismissed: false,
            device_id: String::new(),
            who: String::new(),
            language: None,
        }
    }
}

/// Copies of a plan as last exported or taken in, the common ancestors of merges.
pub const ANCESTORS_PREFIX: &str = "partnership-planner:ancestors:";

pub fn ancestors_key(id: &str) -> String {
    format!("{ANCESTORS_PREFIX}{id}")
}

pub fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

pub fn backup_key(id: &str) -> String {
    format!("{BACKUP_PREFIX}{id}")
}

pub fn revision_key(id: &str) -> String {
    format!("{REVISION_PREFIX}{id}")
}

/// What was found under a plan's key.
pub enum Loaded {
    /// Nothing stored: a new device, or storage was cleared.
    Empty,
    Plan(Decoded),
    /// Something is stored but cannot be read. It was copied to quarantine (when that worked)
    /// and the plan key must not be written over until the copy is safe.
    Unreadable(Damaged),
}

/// A stored plan that could not be read.
pub struct Damaged {
    pub id: String,
    /// Its exact stored text.
    pub raw: String,
    pub error: ImportError,
    /// The quarantine key holding a verified copy, or why none could be made.
    pub quarantine: Result<String, StorageFault>,
}

/// What start-up finds in storage.
pub struct Found {
    /// The index, completed with every readable plan it did not list (and rebuilt from the
    /// plans when it is missing or unreadable).
    pub library: Library,
    /// Plans under a plan key that the index did not vouch for and that cannot be read: each is
    /// quarantined, and listed in `library` as `UNREADABLE_NAME` so the user can find it.
    pub damaged: Vec<Damaged>,
}

/// How the list of plans names a stored plan that could not be read.
pub const UNREADABLE_NAME: &str = crate::en!("Plan that could not be read");

/// Proof that `localStorage` was found usable (`open`): only a `PlanStore` calls
/// `gloo_storage::LocalStorage`, which panics when storage is blocked or `null`.
#[derive(Clone)]
pub struct PlanStore {
    _probed: (),
}

impl PlanStore {
    /// Probes `window.localStorage` with web-sys. Fails (without panicking) when the getter
    /// throws (`SecurityError`, storage blocked) or returns `null` (storage disabled).
    pub fn open() -> Result<PlanStore, StorageFault> {
        let window = web_sys::window().ok_or(StorageFault::Unavailable)?;
        match window.local_storage() {
            Ok(Some(_)) => Ok(PlanStore { _probed: () }),
            Ok(None) => Err(StorageFault::Unavailable),
            Err(e) => Err(match classify(&e) {
                StorageFault::Quota => StorageFault::Quota,
                _ => StorageFault::Unavailable,
            }),
        }
    }

    /// The browser's storage, through gloo-storage (safe: `open` found it).
    fn storage(&self) -> web_sys::Storage {
        LocalStorage::raw()
    }

    /// The same, for the calls on JavaScript strings.
    fn js(&self) -> JsStorage {
        LocalStorage::raw().unchecked_into()
    }

    pub fn read_raw(&self, key: &str) -> Result<Option<String>, StorageFault> {
        self.storage().get_item(key).map_err(|e| classify(&e))
    }

    pub fn write_raw(&self, key: &str, value: &str) -> Result<(), StorageFault> {
        self.storage()
            .set_item(key, value)
            .map_err(|e| classify(&e))
    }

    pub fn remove_raw(&self, key: &str) -> Result<(), StorageFault> {
        self.storage().remove_item(key).map_err(|e| classify(&e))
    }

    /// The list of plans, and the stored plans that cannot be read. The index is only an index:
    /// plans are found by their keys whatever it says. A plan it lists is read when opened; one
    /// it does not list (or every one, when the index is missing or unreadable) is read now, and
    /// added to the list. An unreadable index is quarantined before anything can write over it;
    /// otherwise nothing is written until the next save.
    pub fn library(&self, now: Millis) -> Result<Found, StorageFault> {
        let index = match self.read_raw(LIBRARY_KEY)? {
            None => None,
            Some(raw) => match parse_index(&raw) {
                Some(library) => Some(library),
                None => {
                    // Not announced: the list is rebuilt below. Kept all the same.
                    let _ = self.quarantine(&raw, now);
                    None
                }
            },
        };
        let rebuilt = index.is_none();
        let mut library = index.unwrap_or_default();
        let mut damaged = Vec::new();
        for key in self.keys_with_prefix(PLAN_PREFIX) {
            let id = &key[PLAN_PREFIX.len()..];
            if id.is_empty() || library.entry(id).is_some() {
                continue;
            }
            match self.load(id, now) {
                Ok(Loaded::Plan(decoded)) => library.saved(&decoded.plan, decoded.plan.modified),
                Ok(Loaded::Unreadable(found)) => {
                    library.plans.push(PlanEntry {
                        id: id.to_owned(),
                        name: UNREADABLE_NAME.to_owned(),
                        ..PlanEntry::default()
                    });
                    damaged.push(found);
                }
                Ok(Loaded::Empty) | Err(_) => {}
            }
        }
        if rebuilt {
            library.open = library
                .plans
                .iter()
                .find(|e| !damaged.iter().any(|d| d.id == e.id))
                .map(|e| e.id.clone());
        }
        Ok(Found { library, damaged })
    }

    /// Writes this tab's index merged with the stored one (`Library::merged`), never a stale
    /// copy over another tab's, and returns what was written. A stored index that cannot be
    /// read is quarantined first; if that fails, nothing is written.
    pub fn save_library(&self, library: &Library) -> Result<Library, StorageFault> {
        let stored = match self.read_raw(LIBRARY_KEY)? {
            None => None,
            Some(raw) => match parse_index(&raw) {
                Some(stored) => Some(stored),
                None => {
                    self.quarantine(&raw, js_sys::Date::now() as Millis)?;
                    None
                }
            },
        };
        let merged = library.merged(stored.as_ref(), &self.plan_ids());
        self.write_raw(LIBRARY_KEY, &to_json(&merged)?)?;
        Ok(merged)
    }

    /// This tab's index merged with the stored one, for showing what another tab changed.
    /// Writes nothing (an unreadable stored index counts as none).
    pub fn merged_library(&self, library: &Library) -> Library {
        let stored = self
            .read_raw(LIBRARY_KEY)
            .ok()
            .flatten()
            .and_then(|raw| parse_index(&raw));
        library.merged(stored.as_ref(), &self.plan_ids())
    }

    /// The id of every plan stored under a plan key.
    pub fn plan_ids(&self) -> Vec<String> {
        self.keys_with_prefix(PLAN_PREFIX)
            .into_iter()
            .map(|k| k[PLAN_PREFIX.len()..].to_owned())
            .filter(|id| !id.is_empty())
            .collect()
    }

    /// Whether anything is stored under the plan's key (readable or not).
    pub fn has_plan(&self, id: &str) -> Result<bool, StorageFault> {
        Ok(self.read_raw(&plan_key(id))?.is_some())
    }

    /// Reads a plan and, if it cannot be read, quarantines it.
    pub fn load(&self, id: &str, now: Millis) -> Result<Loaded, StorageFault> {
        let Some(raw) = self.read_raw(&plan_key(id))? else {
            return Ok(Loaded::Empty);
        };
        match decode(&raw) {
            Ok(decoded) => Ok(Loaded::Plan(decoded)),
            Err(error) => {
                let quarantine = self.quarantine(&raw, now);
                Ok(Loaded::Unreadable(Damaged {
                    id: id.to_owned(),
                    raw,
                    error,
                    quarantine,
                }))
            }
        }
    }

    /// Copies `raw` to a fresh quarantine key and reads it back: only a verified copy counts.
    /// No key that holds anything is written over.
    fn quarantine(&self, raw: &str, now: Millis) -> Result<String, StorageFault> {
        // An identical copy made on an earlier visit is reused rather than duplicated.
        if let Some(key) = self
            .keys_with_prefix(QUARANTINE_PREFIX)
            .into_iter()
            .find(|k| self.read_raw(k).ok().flatten().as_deref() == Some(raw))
        {
            return Ok(key);
        }
        let mut key = format!("{QUARANTINE_PREFIX}{now}");
        let mut n = 1;
        while self.read_raw(&key)?.is_some() {
            n += 1;
            key = format!("{QUARANTINE_PREFIX}{now}-{n}");
        }
        self.write_raw(&key, raw)?;
        match self.read_raw(&key)? {
            Some(back) if back == raw => Ok(key),
            _ => Err(StorageFault::WriteMismatch),
        }
    }

    /// Every key with the prefix, sorted.
    pub fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        let storage = self.storage();
        let len = storage.length().unwrap_or(0);
        let mut keys: Vec<String> = (0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect();
        keys.sort();
        keys
    }

    /// The plan's save counter and token as stored (none before its first save, or when
    /// unreadable).
    pub fn revision(&self, id: &str) -> Revision {
        self.read_raw(&revision_key(id))
            .ok()
            .flatten()
            .map(|r| Revision::parse(&r))
            .unwrap_or_default()
    }

    /// Saves an encoded plan that was based on revision `base`, and returns the new revision,
    /// which carries `token`. Refused if another tab saved since (`Conflict`), even one that
    /// ended on the same number. The version it replaces is kept as the backup, and the write is
    /// read back, so a silently failed write is noticed.
    pub fn save(
        &self,
        id: &str,
        encoded: &str,
        base: &Revision,
        token: String,
    ) -> Result<Revision, StorageFault> {
        let stored = self.revision(id);
        if !may_save(base, &stored) {
            return Err(StorageFault::Conflict);
        }
        let js = self.js();
        let key = plan_key(id);
        let encoded = JsString::from(encoded);
        if let Some(previous) = caught(js.get_js(&key))? {
            if previous != encoded {
                caught(js.set_js(&backup_key(id), &previous))?;
            }
        }
        caught(js.set_js(&key, &encoded))?;
        if caught(js.get_js(&key))?.as_ref() != Some(&encoded) {
            return Err(StorageFault::WriteMismatch);
        }
        let next = stored.next(token);
        self.write_raw(&revision_key(id), &next.text())?;
        Ok(next)
    }

    /// Puts the backup back as the plan (after a bad write), and returns it decoded.
    pub fn restore_backup(&self, id: &str) -> Result<Option<Decoded>, StorageFault> {
        let Some(raw) = self.read_raw(&backup_key(id))? else {
            return Ok(None);
        };
        let Ok(decoded) = decode(&raw) else {
            return Ok(None);
        };
        self.write_raw(&plan_key(id), &raw)?;
        Ok(Some(decoded))
    }

    /// The `plan_id` of a stored plan, if it reads.
    pub fn plan_id_of(&self, id: &str) -> Option<String> {
        let raw = self.read_raw(&plan_key(id)).ok().flatten()?;
        decode(&raw).ok().map(|d| d.plan.plan_id)
    }

    pub fn has_backup(&self, id: &str) -> bool {
        matches!(self.read_raw(&backup_key(id)), Ok(Some(raw)) if decode(&raw).is_ok())
    }

    /// Characters in use in this origin's storage (UTF-16 units, keys included), the app's
    /// and anyone else's: the browser's limit is for the whole origin.
    pub fn used_units(&self) -> usize {
        let storage = self.storage();
        let js = self.js();
        let len = storage.length().unwrap_or(0);
        (0..len)
            .filter_map(|i| storage.key(i).ok().flatten())
            .map(|k| {
                let value = js.get_js(&k).ok().flatten();
                utf16_units(&k) + value.map_or(0, |v| v.length() as usize)
            })
            .sum()
    }

    /// Device settings; defaults when none are stored or they cannot be read.
    #[inline(never)]
    pub fn settings(&self) -> Settings {
        self.read_raw(SETTINGS_KEY)
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default()
    }

    pub fn save_settings(&self, settings: &Settings) -> Result<(), StorageFault> {
        self.write_raw(SETTINGS_KEY, &to_json(settings)?)
    }

    /// The copies of plan `id` kept as merge ancestors: `(export id, compact envelope)`, oldest
    /// first. Unreadable or missing: none (a merge then goes by the stamps alone).
    pub fn ancestors(&self, id: &str) -> Vec<(String, String)> {
        self.read_raw(&ancestors_key(id))
            .ok()
            .flatten()
            .and_then(|raw| serde_json::from_str(&raw).ok())
            .unwrap_or_default()
    }

    /// Keeps `text` (a compact envelope) as the copy named `export_id` of plan `id`, within
    /// `budget::MAX_ANCESTORS` and the storage budget: the oldest go first, and a copy that
    /// would bring storage past the warning level is not kept.
    pub fn keep_ancestor(&self, id: &str, export_id: &str, text: &str) -> Result<(), StorageFault> {
        let mut kept = self.ancestors(id);
        kept.retain(|(e, _)| e != export_id);
        kept.push((export_id.to_owned(), text.to_owned()));
        let key = ancestors_key(id);
        let old = self
            .read_raw(&key)
            .ok()
            .flatten()
            .map_or(0, |o| utf16_units(&o));
        let others = self.used_units().saturating_sub(old);
        loop {
            let value = to_json(&kept)?;
            let fits = kept.len() <= super::budget::MAX_ANCESTORS
                && super::budget::snapshot_fits(others, utf16_units(&key) + utf16_units(&value));
            if fits {
                return self.write_raw(&key, &value);
            }
            kept.remove(0);
            if kept.is_empty() {
                return self.remove_raw(&key);
            }
        }
    }

    pub fn forget_ancestors(&self, id: &str) -> Result<(), StorageFault> {
        self.remove_raw(&ancestors_key(id))
    }

    /// Removes every key the app ever wrote.
    pub fn forget_all(&self) -> Result<(), StorageFault> {
        for key in self.keys_with_prefix(PREFIX) {
            self.remove_raw(&key)?;
        }
        Ok(())
    }
}

/// The stored index, if it can be read. One copy of the parser for every caller.
#[inline(never)]
fn parse_index(raw: &str) -> Option<Library> {
    serde_json::from_str(raw).ok()
}

fn caught<T>(result: Result<T, JsValue>) -> Result<T, StorageFault> {
    result.map_err(|e| classify(&e))
}

/// Sorts a value thrown by a storage call by its `name` and legacy `code`.
pub fn classify(e: &JsValue) -> StorageFault {
    let name = match e.dyn_ref::<web_sys::DomException>() {
        Some(d) => Some(d.name()),
        None => js_sys::Reflect::get(e, &"name".into())
            .ok()
            .and_then(|n| n.as_string()),
    };
    let code = e.dyn_ref::<web_sys::DomException>().map_or(0, |d| d.code());
    StorageFault::from_error(name.as_deref().unwrap_or(""), code)
}

/// A small value the app stores (the index, the settings) as JSON.
fn to_json<T: serde::Serialize>(value: &T) -> Result<String, StorageFault> {
    serde_json::to_string(value).map_err(|_| StorageFault::Other("value not writable".into()))
}
