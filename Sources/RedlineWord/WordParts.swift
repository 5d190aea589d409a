import Foundation

/// The fixed parts of an exported package: content types, relationships, settings,
/// styles (Word's built-in heading names) and list definitions.
extension WordRedline {
  static func contentTypes(comments: Bool, core: Bool, footnotes: Bool) -> String {
    let main = "application/vnd.openxmlformats-officedocument.wordprocessingml"
    var s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
      + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
      + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
      + "<Override PartName=\"/word/document.xml\" ContentType=\"\(main).document.main+xml\"/>"
      + "<Override PartName=\"/word/styles.xml\" ContentType=\"\(main).styles+xml\"/>"
      + "<Override PartName=\"/word/numbering.xml\" ContentType=\"\(main).numbering+xml\"/>"
      + "<Override PartName=\"/word/settings.xml\" ContentType=\"\(main).settings+xml\"/>"
      + "<Override PartName=\"/word/header1.xml\" ContentType=\"\(main).header+xml\"/>"
      + "<Override PartName=\"/word/footer1.xml\" ContentType=\"\(main).footer+xml\"/>"
      + (core
        ? "<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
        : "")
    if footnotes { s += "<Override PartName=\"/word/footnotes.xml\" ContentType=\"\(main).footnotes+xml\"/>" }
    if comments {
      s += "<Override PartName=\"/word/comments.xml\" ContentType=\"\(main).comments+xml\"/>"
      s += "<Override PartName=\"/word/commentsExtended.xml\" ContentType=\"\(main).commentsExtended+xml\"/>"
    }
    return s + "</Types>"
  }

  static func rootRels(title: Bool) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"\(ns.r)/officeDocument\" Target=\"word/document.xml\"/>"
      + (title
        ? "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>"
        : "")
      + "</Relationships>"
  }

  static func documentRels(comments: Bool, footnotes: Bool) -> String {
    var s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      + "<Relationship Id=\"rId1\" Type=\"\(ns.r)/styles\" Target=\"styles.xml\"/>"
      + "<Relationship Id=\"rId2\" Type=\"\(ns.r)/numbering\" Target=\"numbering.xml\"/>"
      + "<Relationship Id=\"rId3\" Type=\"\(ns.r)/settings\" Target=\"settings.xml\"/>"
      + "<Relationship Id=\"rId7\" Type=\"\(ns.r)/header\" Target=\"header1.xml\"/>"
      + "<Relationship Id=\"rId8\" Type=\"\(ns.r)/footer\" Target=\"footer1.xml\"/>"
    if footnotes { s += "<Relationship Id=\"rId6\" Type=\"\(ns.r)/footnotes\" Target=\"footnotes.xml\"/>" }
    if comments {
      s += "<Relationship Id=\"rId4\" Type=\"\(ns.r)/comments\" Target=\"comments.xml\"/>"
      s +=
        "<Relationship Id=\"rId5\" Type=\"http://schemas.microsoft.com/office/2011/relationships/commentsExtended\" Target=\"commentsExtended.xml\"/>"
    }
    return s + "</Relationships>"
  }

  /// The page header: which versions the file compares (grey, right-aligned).
  static func header(_ title: String) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:hdr xmlns:w=\"\(ns.w)\"><w:p><w:pPr><w:jc w:val=\"right\"/></w:pPr>"
      + "<w:r><w:rPr><w:color w:val=\"808080\"/><w:sz w:val=\"18\"/></w:rPr><w:t xml:space=\"preserve\">\(xml(title))</w:t></w:r></w:p></w:hdr>"
  }

  /// The page footer: the page number.
  static let footer =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:ftr xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr>"
    + "<w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText xml:space=\"preserve\"> PAGE </w:instrText></w:r>"
    + "<w:r><w:fldChar w:fldCharType=\"separate\"/></w:r><w:r><w:t>1</w:t></w:r><w:r><w:fldChar w:fldCharType=\"end\"/></w:r></w:p></w:ftr>"

  static func core(title: String) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>\(xml(title))</dc:title><dc:creator>Redline</dc:creator></cp:coreProperties>"
  }

  static let settings =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:settings xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:trackRevisions/><w:defaultTabStop w:val=\"1304\"/><w:compat><w:compatSetting w:name=\"compatibilityMode\" w:uri=\"http://schemas.microsoft.com/office/word\" w:val=\"15\"/></w:compat></w:settings>"

  static var styles: String {
    var s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">"
      + "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Calibri\" w:hAnsi=\"Calibri\" w:cs=\"Calibri\"/><w:sz w:val=\"22\"/><w:lang w:val=\"fi-FI\"/></w:rPr></w:rPrDefault>"
      + "<w:pPrDefault><w:pPr><w:spacing w:after=\"120\" w:line=\"264\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>"
      + "<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>"
    let sizes = [32, 28, 26, 24, 22, 22]
    for l in 1...6 {
      s +=
        "<w:style w:type=\"paragraph\" w:styleId=\"Heading\(l)\"><w:name w:val=\"heading \(l)\"/><w:basedOn w:val=\"Normal\"/><w:next w:val=\"Normal\"/><w:qFormat/>"
        + "<w:pPr><w:keepNext/><w:spacing w:before=\"\(l == 1 ? 360 : 240)\" w:after=\"120\"/><w:outlineLvl w:val=\"\(l - 1)\"/></w:pPr>"
        + "<w:rPr><w:b/><w:sz w:val=\"\(sizes[l - 1])\"/></w:rPr></w:style>"
    }
    s +=
      "<w:style w:type=\"paragraph\" w:styleId=\"ListParagraph\"><w:name w:val=\"List Paragraph\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"60\"/><w:ind w:left=\"720\"/></w:pPr></w:style>"
    s +=
      "<w:style w:type=\"paragraph\" w:styleId=\"FootnoteText\"><w:name w:val=\"footnote text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"18\"/></w:rPr></w:style>"
    s +=
      "<w:style w:type=\"character\" w:styleId=\"FootnoteReference\"><w:name w:val=\"footnote reference\"/><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:style>"
    s +=
      "<w:style w:type=\"table\" w:styleId=\"Taulukko\"><w:name w:val=\"Table Grid\"/><w:tblPr><w:tblBorders><w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/><w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/></w:tblBorders><w:tblCellMar><w:left w:w=\"85\" w:type=\"dxa\"/><w:right w:w=\"85\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>"
    s +=
      "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableText\"><w:name w:val=\"Redline Table Text\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:spacing w:before=\"40\" w:after=\"40\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/></w:rPr></w:style>"
    s +=
      "<w:style w:type=\"paragraph\" w:customStyle=\"1\" w:styleId=\"TableRow\"><w:name w:val=\"Redline Table Row\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:pBdr><w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"1\" w:color=\"BFBFBF\"/></w:pBdr><w:spacing w:after=\"0\"/></w:pPr><w:rPr><w:sz w:val=\"20\"/></w:rPr></w:style>"
    return s + "</w:styles>"
  }

  /// Bullets (numId 1) and one instance of the decimal list per numbered list (numId 2…), each starting at 1.
  static func numbering(parens: [Bool]) -> String {
    var s =
      "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:numbering xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
    let glyphs = ["•", "◦", "▪"]
    for l in 0..<9 {
      s +=
        "<w:lvl w:ilvl=\"\(l)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"\(glyphs[l % 3])\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"\(720 + 360 * l)\" w:hanging=\"360\"/></w:pPr></w:lvl>"
    }
    s += "</w:abstractNum>"
    for (id, delimiter) in [(1, "."), (2, ")")] {
      s += "<w:abstractNum w:abstractNumId=\"\(id)\"><w:multiLevelType w:val=\"hybridMultilevel\"/>"
      for l in 0..<9 {
        s +=
          "<w:lvl w:ilvl=\"\(l)\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%\(l + 1)\(delimiter)\"/><w:lvlJc w:val=\"left\"/><w:pPr><w:ind w:left=\"\(720 + 360 * l)\" w:hanging=\"360\"/></w:pPr></w:lvl>"
      }
      s += "</w:abstractNum>"
    }
    s += "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num>"
    for (k, paren) in (parens.isEmpty ? [false] : parens).enumerated() {
      s +=
        "<w:num w:numId=\"\(k + 2)\"><w:abstractNumId w:val=\"\(paren ? 2 : 1)\"/><w:lvlOverride w:ilvl=\"0\"><w:startOverride w:val=\"1\"/></w:lvlOverride></w:num>"
    }
    return s + "</w:numbering>"
  }
}
