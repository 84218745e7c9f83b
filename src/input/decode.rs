//! Bytes to text. Offsets reported to users are offsets into the file as it is on disk, so the
//! decoder keeps a map from text offsets back to file offsets.

/// Maps a byte offset of the decoded text to the file's byte offset.
#[derive(Debug, Clone)]
pub enum DiskMap {
    /// UTF-8: the text is the file minus a BOM of this many bytes.
    Shift(usize),
    /// Windows-1252: one file byte per character; entry i is the file offset of text byte i.
    Table(Vec<u32>),
}

impl DiskMap {
    pub fn map(&self, text_offset: usize) -> usize {
        match self {
            DiskMap::Shift(n) => text_offset + n,
            DiskMap::Table(t) => t
                .get(text_offset)
                .or(t.last())
                .map(|&x| x as usize)
                .unwrap_or(0),
        }
    }
}

#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub map: DiskMap,
    /// Not valid UTF-8: read as Windows-1252.
    pub lossy: bool,
}

/// UTF-8 with or without BOM, else Windows-1252; a file with NUL bytes is binary and refused.
pub fn decode(bytes: &[u8]) -> Result<Decoded, String> {
    if bytes.contains(&0) {
        return Err("binary file (contains NUL bytes)".into());
    }
    let (body, bom) = match bytes.strip_prefix(b"\xEF\xBB\xBF") {
        Some(rest) => (rest, 3),
        None => (bytes, 0),
    };
    if let Ok(s) = std::str::from_utf8(body) {
        return Ok(Decoded {
            text: s.to_string(),
            map: DiskMap::Shift(bom),
            lossy: false,
        });
    }
    let (text, _) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    let text = text.into_owned();
    let mut table = Vec::with_capacity(text.len() + 1);
    for (disk, c) in text.chars().enumerate() {
        for _ in 0..c.len_utf8() {
            table.push(disk as u32);
        }
    }
    table.push(bytes.len() as u32);
    Ok(Decoded {
        text,
        map: DiskMap::Table(table),
        lossy: true,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bom_shifts_offsets() {
        let d = decode("\u{feff}Abc".as_bytes()).unwrap();
        assert_eq!(d.text, "Abc");
        assert_eq!(d.map.map(1), 4);
    }

    #[test]
    fn windows_1252_maps_back_to_file_bytes() {
        let d = decode(b"caf\xe9 au lait").unwrap();
        assert!(d.lossy);
        assert_eq!(d.text, "café au lait");
        let au = d.text.find("au").unwrap();
        assert_eq!(d.map.map(au), 5);
    }

    #[test]
    fn nul_bytes_are_binary() {
        assert!(decode(b"ab\0cd").is_err());
    }
}
