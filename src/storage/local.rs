//! `localStorage` through web-sys. Every call returns a `Result`: storage can be blocked, `null`,
//! full, or hold something this build cannot read, and none of that may panic.
//!
//! gloo-storage is not used for the plan: its `LocalStorage` unwraps `window.localStorage` (a
//! panic when storage is blocked) and JSON-encodes values, where the plan key needs the exact
//! stored text for quarantine and read-back.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::Storage;

use super::StorageFault;
use crate::model::library::Library;
use crate::model::{decode, Decoded, ImportError, Millis};

/// Every key the app writes starts with this.
pub const PREFIX: &str = "partnership-planner:";
/// The list of plans on this device (`model::library::Library`).
pub const LIBRARY_KEY: &str = "partnership-planner:library";
/// Each plan is kept under this prefix plus its id.
pub const PLAN_PREFIX: &str = "partnership-planner:plan:";
/// Unreadable stored values are copied under this prefix plus the time, never overwritten.
pub const QUARANTINE_PREFIX: &str = "partnership-planner:quarantine:";

pub fn plan_key(id: &str) -> String {
    format!("{PLAN_PREFIX}{id}")
}

/// What was found under a plan's key.
pub enum Loaded {
    /// Nothing stored: a new device, or storage was cleared.
    Empty,
    Plan(Decoded),
    /// Something is stored but cannot be read. It was copied to `quarantine_key` (when that
    /// worked) and the plan key must not be written over until the copy is safe.
    Unreadable {
        raw: String,
        error: ImportError,
        quarantine: Result<String, StorageFault>,
    },
}

/// A handle on `localStorage` that is known to exist.
#[derive(Clone)]
pub struct PlanStore {
    storage: Storage,
}

impl PlanStore {
    /// Finds `window.localStorage`. Fails (without panicking) when the getter throws
    /// (`SecurityError`, storage blocked) or returns `null` (storage disabled).
    pub fn open() -> Result<PlanStore, StorageFault> {
        let window = web_sys::window().ok_or(StorageFault::Unavailable)?;
        match window.local_storage() {
            Ok(Some(storage)) => Ok(PlanStore { storage }),
            Ok(None) => Err(StorageFault::Unavailable),
            Err(e) => Err(match classify(&e) {
                StorageFault::Quota => StorageFault::Quota,
                _ => StorageFault::Unavailable,
            }),
        }
    }

    pub fn read_raw(&self, key: &str) -> Result<Option<String>, StorageFault> {
        self.storage.get_item(key).map_err(|e| classify(&e))
    }

    pub fn write_raw(&self, key: &str, value: &str) -> Result<(), StorageFault> {
        self.storage.set_item(key, value).map_err(|e| classify(&e))
    }

    pub fn remove_raw(&self, key: &str) -> Result<(), StorageFault> {
        self.storage.remove_item(key).map_err(|e| classify(&e))
    }

    /// The list of plans. Missing or unreadable (it is only an index), it is rebuilt from the
    /// plans themselves; nothing is written until the next save.
    pub fn library(&self) -> Result<Library, StorageFault> {
        let stored = self.read_raw(LIBRARY_KEY)?;
        if let Some(library) = stored.and_then(|raw| serde_json::from_str::<Library>(&raw).ok()) {
            return Ok(library);
        }
        let mut library = Library::default();
        for key in self.keys_with_prefix(PLAN_PREFIX) {
            if let Ok(Some(raw)) = self.read_raw(&key) {
                if let Ok(decoded) = decode(&raw) {
                    library.saved(&decoded.plan, decoded.plan.modified);
                }
            }
        }
        library.open = library.plans.first().map(|e| e.id.clone());
        Ok(library)
    }

    pub fn save_library(&self, library: &Library) -> Result<(), StorageFault> {
        let text = serde_json::to_string(library).unwrap_or_default();
        self.write_raw(LIBRARY_KEY, &text)
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
                Ok(Loaded::Unreadable {
                    raw,
                    error,
                    quarantine,
                })
            }
        }
    }

    /// Copies `raw` to a fresh quarantine key and reads it back: only a verified copy counts.
    fn quarantine(&self, raw: &str, now: Millis) -> Result<String, StorageFault> {
        // An identical copy made on an earlier visit is reused rather than duplicated.
        if let Some(key) = self
            .keys_with_prefix(QUARANTINE_PREFIX)
            .into_iter()
            .find(|k| self.read_raw(k).ok().flatten().as_deref() == Some(raw))
        {
            return Ok(key);
        }
        let key = format!("{QUARANTINE_PREFIX}{now}");
        self.write_raw(&key, raw)?;
        match self.read_raw(&key)? {
            Some(back) if back == raw => Ok(key),
            _ => Err(StorageFault::WriteMismatch),
        }
    }

    /// Every key with the prefix, sorted.
    pub fn keys_with_prefix(&self, prefix: &str) -> Vec<String> {
        let len = self.storage.length().unwrap_or(0);
        let mut keys: Vec<String> = (0..len)
            .filter_map(|i| self.storage.key(i).ok().flatten())
            .filter(|k| k.starts_with(prefix))
            .collect();
        keys.sort();
        keys
    }

    /// Writes an encoded plan and reads it back, so a silently failed write is noticed.
    pub fn save(&self, id: &str, encoded: &str) -> Result<(), StorageFault> {
        let key = plan_key(id);
        self.write_raw(&key, encoded)?;
        match self.read_raw(&key)? {
            Some(back) if back == encoded => Ok(()),
            _ => Err(StorageFault::WriteMismatch),
        }
    }
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
