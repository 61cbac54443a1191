//! Reading a file the user picked or dropped, as bytes, with the size checked first.

use crate::model::{ImportError, MAX_IMPORT_BYTES};

/// The file's bytes. A file over the limit is refused from its size, without being read.
pub async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, ImportError> {
    let size = file.size();
    if size > MAX_IMPORT_BYTES as f64 {
        return Err(ImportError::TooLarge { bytes: size as u64 });
    }
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ImportError::Unreadable)?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}
