//! Decoding of the rich-text enums ([`Inline`], [`Block`]), tagged by `type`.
//!
//! serde's derived decoder for an internally tagged enum first copies every object into a
//! generic buffer (it cannot know the variant before it has seen `type`), then decodes the
//! variant from the buffer: a second decoder for the whole rich-text tree, about a tenth of the
//! viewer's wasm. These decoders read each object once. `type` comes first in everything the
//! importer writes, so the other fields are decoded (or skipped, when the variant does not have
//! them) as they come; a field before `type` is decoded by its name, which every variant types
//! alike. For everything the importer writes, and for the broken data the tests try, the
//! result and the error messages are those of the derived decoder (unknown variant, missing,
//! duplicate or mistyped field), now with the line and column it left out. It accepts a little less of what the format never had: an
//! array `["text", "…"]` for an object, and a field that comes before `type` with a type its
//! variant would have ignored. Encoding stays derived.

use super::{Block, Inline};
use serde::de::{Deserialize, Deserializer, Error, IgnoredAny, MapAccess, Visitor};
use std::fmt;

#[derive(Clone, Copy, PartialEq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum InlineKind {
    Text,
    Emphasis,
    Strong,
    Strikethrough,
    Code,
    Link,
}

#[derive(Clone, Copy, serde::Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum InlineField {
    Type,
    Text,
    Children,
    Url,
    #[serde(other)]
    Other,
}

#[derive(Clone, Copy, PartialEq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
enum BlockKind {
    Paragraph,
    Heading,
    List,
    Table,
    Quote,
    Code,
}

#[derive(Clone, Copy, serde::Deserialize)]
#[serde(field_identifier, rename_all = "snake_case")]
enum BlockField {
    Type,
    Content,
    Level,
    Ordered,
    Items,
    Header,
    Rows,
    Blocks,
    Text,
    #[serde(other)]
    Other,
}

/// Reads one field's value into `slot`: an error if the field came before, skipped when the
/// variant (once known) has no such field.
fn read<'de, A: MapAccess<'de>, T: Deserialize<'de>>(
    map: &mut A,
    slot: &mut Option<T>,
    name: &'static str,
    wanted: bool,
) -> Result<(), A::Error> {
    if slot.is_some() {
        return Err(A::Error::duplicate_field(name));
    }
    if wanted {
        *slot = Some(map.next_value()?);
    } else {
        map.next_value::<IgnoredAny>()?;
    }
    Ok(())
}

fn required<T, E: Error>(slot: Option<T>, name: &'static str) -> Result<T, E> {
    slot.ok_or_else(|| E::missing_field(name))
}

struct InlineVisitor;

impl<'de> Visitor<'de> for InlineVisitor {
    type Value = Inline;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("internally tagged enum Inline")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Inline, A::Error> {
        use InlineKind as K;
        let (mut kind, mut text, mut children, mut url) = (None, None, None, None);
        while let Some(field) = map.next_key()? {
            // Before `type` is known every field is wanted; after, only the variant's own.
            let has = |kinds: &[InlineKind]| kind.is_none_or(|kind| kinds.contains(&kind));
            match field {
                InlineField::Type => read(&mut map, &mut kind, "type", true)?,
                InlineField::Text => read(&mut map, &mut text, "text", has(&[K::Text, K::Code]))?,
                InlineField::Children => read(
                    &mut map,
                    &mut children,
                    "children",
                    has(&[K::Emphasis, K::Strong, K::Strikethrough, K::Link]),
                )?,
                InlineField::Url => read(&mut map, &mut url, "url", has(&[K::Link]))?,
                InlineField::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(match required(kind, "type")? {
            K::Text => Inline::Text { text: required(text, "text")? },
            K::Emphasis => Inline::Emphasis { children: required(children, "children")? },
            K::Strong => Inline::Strong { children: required(children, "children")? },
            K::Strikethrough => Inline::Strikethrough { children: required(children, "children")? },
            K::Code => Inline::Code { text: required(text, "text")? },
            K::Link => Inline::Link { url: required(url, "url")?, children: required(children, "children")? },
        })
    }
}

impl<'de> Deserialize<'de> for Inline {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Inline, D::Error> {
        deserializer.deserialize_map(InlineVisitor)
    }
}

struct BlockVisitor;

impl<'de> Visitor<'de> for BlockVisitor {
    type Value = Block;

    fn expecting(&self, formatter: &mut fmt::Formatter) -> fmt::Result {
        formatter.write_str("internally tagged enum Block")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Block, A::Error> {
        use BlockKind as K;
        let mut kind = None;
        let (mut content, mut level, mut ordered, mut items) = (None, None, None, None);
        let (mut header, mut rows, mut blocks, mut text) = (None, None, None, None);
        while let Some(field) = map.next_key()? {
            let has = |kinds: &[BlockKind]| kind.is_none_or(|kind| kinds.contains(&kind));
            match field {
                BlockField::Type => read(&mut map, &mut kind, "type", true)?,
                BlockField::Content => read(&mut map, &mut content, "content", has(&[K::Paragraph, K::Heading]))?,
                BlockField::Level => read(&mut map, &mut level, "level", has(&[K::Heading]))?,
                BlockField::Ordered => read(&mut map, &mut ordered, "ordered", has(&[K::List]))?,
                BlockField::Items => read(&mut map, &mut items, "items", has(&[K::List]))?,
                BlockField::Header => read(&mut map, &mut header, "header", has(&[K::Table]))?,
                BlockField::Rows => read(&mut map, &mut rows, "rows", has(&[K::Table]))?,
                BlockField::Blocks => read(&mut map, &mut blocks, "blocks", has(&[K::Quote]))?,
                BlockField::Text => read(&mut map, &mut text, "text", has(&[K::Code]))?,
                BlockField::Other => {
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(match required(kind, "type")? {
            K::Paragraph => Block::Paragraph { content: required(content, "content")? },
            K::Heading => Block::Heading { level: required(level, "level")?, content: required(content, "content")? },
            K::List => Block::List { ordered: required(ordered, "ordered")?, items: required(items, "items")? },
            K::Table => Block::Table { header: required(header, "header")?, rows: required(rows, "rows")? },
            K::Quote => Block::Quote { blocks: required(blocks, "blocks")? },
            K::Code => Block::Code { text: required(text, "text")? },
        })
    }
}

impl<'de> Deserialize<'de> for Block {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Block, D::Error> {
        deserializer.deserialize_map(BlockVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn inline(json: &str) -> Result<Inline, String> {
        serde_json::from_str(json).map_err(|error| error.to_string())
    }

    #[test]
    fn type_may_come_after_the_other_fields() {
        let link = Inline::Link { url: "https://x.example".into(), children: vec![Inline::Text { text: "x".into() }] };
        assert_eq!(
            inline(r#"{"type":"link","url":"https://x.example","children":[{"type":"text","text":"x"}]}"#),
            Ok(link.clone())
        );
        assert_eq!(
            inline(r#"{"children":[{"text":"x","type":"text"}],"url":"https://x.example","type":"link"}"#),
            Ok(link)
        );
    }

    #[test]
    fn fields_the_variant_lacks_are_ignored_whatever_their_type() {
        assert_eq!(
            inline(r#"{"type":"text","text":"x","children":5,"url":null,"colour":"red"}"#),
            Ok(Inline::Text { text: "x".into() })
        );
    }

    #[test]
    fn broken_objects_get_the_derived_decoders_messages() {
        assert!(inline(r#"{"type":"marquee","text":"x"}"#)
            .unwrap_err()
            .starts_with("unknown variant `marquee`, expected one of `text`, `emphasis`"));
        assert!(inline(r#"{"type":"link","children":[]}"#).unwrap_err().starts_with("missing field `url`"));
        assert!(inline(r#"{"text":"x"}"#).unwrap_err().starts_with("missing field `type`"));
        assert!(inline(r#"{"type":"text","type":"code","text":"x"}"#)
            .unwrap_err()
            .starts_with("duplicate field `type`"));
        assert!(inline(r#"{"type":"text","text":1}"#)
            .unwrap_err()
            .starts_with("invalid type: integer `1`, expected a string"));
        let block: Result<Block, _> = serde_json::from_str(r#"{"type":"heading","level":"3","content":[]}"#);
        assert!(block.unwrap_err().to_string().starts_with("invalid type: string \"3\", expected u8"));
    }

    #[test]
    fn every_block_kind_round_trips() {
        let text = vec![Inline::Strong { children: vec![Inline::Code { text: "c".into() }] }];
        let blocks = vec![
            Block::Paragraph { content: text.clone() },
            Block::Heading { level: 4, content: text.clone() },
            Block::List { ordered: true, items: vec![vec![Block::Code { text: "x".into() }]] },
            Block::Table { header: vec![text.clone()], rows: vec![vec![text.clone()]] },
            Block::Quote { blocks: vec![Block::Paragraph { content: vec![Inline::Emphasis { children: text }] }] },
        ];
        let json = serde_json::to_string(&blocks).unwrap();
        assert_eq!(serde_json::from_str::<Vec<Block>>(&json).unwrap(), blocks);
    }
}
