import Foundation
import RedlineDiff
import RedlineDocument
import RedlineReview

/// What a consultation summary is made of: the diff, the versions, who changed the text,
/// and the threads made on the old version or between the two.
package struct SummaryInput: Sendable {
  package var diff: DocumentDiff
  package var old: VersionRef
  /// The new version, with the authors of the commits that changed the document since
  /// the old one (`new.authors`).
  package var new: VersionRef
  /// Threads in scope, with their status at the new version.
  package var comments: CommentsReport
  /// When the summary was made (Unix seconds).
  package var generated: Int64
  /// Language of the document's own text (a BCP 47 code such as `fi`); a page in another
  /// language marks the document's text with it so screen readers read it right.
  package var textLanguage: String
  /// Ids of threads made before the old version and still waiting: carried from an
  /// earlier round into this summary.
  package var carried: Set<String>
  /// The Swedish version checked against the new one (`summary --parallel SV_PATH`): its
  /// status closes the summary.
  package var swedish: ParallelReport?

  package init(
    diff: DocumentDiff, old: VersionRef, new: VersionRef, comments: CommentsReport, generated: Int64,
    textLanguage: String = "fi", carried: Set<String> = [], swedish: ParallelReport? = nil
  ) {
    self.diff = diff
    self.old = old
    self.new = new
    self.comments = comments
    self.generated = generated
    self.textLanguage = textLanguage
    self.carried = carried
    self.swedish = swedish
  }
}

/// How a summary is written.
package struct SummaryOptions: Sendable, Hashable {
  /// How the consultation part groups the responses.
  package enum Grouping: String, Sendable, CaseIterable, Hashable {
    /// Under the section they are about, in document order.
    case section
    /// Under each respondent (alphabetical), each respondent's points in document order.
    case respondent
  }

  package var language: Localization.Language
  package var format: SummaryRenderer.Format
  package var grouping: Grouping
  /// Only the consultation part (lausuntopalautteen käsittely).
  package var commentsOnly: Bool
  /// Line width of the terminal format.
  package var width: Int

  package init(
    language: Localization.Language, format: SummaryRenderer.Format, grouping: Grouping = .section,
    commentsOnly: Bool = false, width: Int = 80
  ) {
    self.language = language
    self.format = format
    self.grouping = grouping
    self.commentsOnly = commentsOnly
    self.width = width
  }
}

/// A run of inline text in a summary.
indirect enum Span {
  case text(String)
  case ins(String)
  case del(String)
  case strong(String)
  case em(String)
  /// Text in another language than the page (the document's own text, a response).
  case lang(String, [Span])
}

/// The body of a changed block: running text, or a table's cells.
enum BlockBody {
  case spans([Span])
  case table([[[Span]]])
}

/// One heading in the table of contents.
struct TOCEntry {
  var level: Int
  var spans: [Span]
  var id: String
}

/// The outputs of a summary share one walk; a writer turns its calls into Markdown, HTML
/// or terminal text.
protocol SummaryWriter {
  init(width: Int)
  mutating func heading(_ level: Int, _ spans: [Span], id: String?)
  mutating func paragraph(_ spans: [Span], cssClass: String?)
  mutating func list(_ items: [[Span]])
  mutating func definitions(_ pairs: [(String, [Span])])
  mutating func table(caption: String?, headers: [String], rows: [[[Span]]], lang: String?)
  mutating func block(tag: String, label: String, kind: String, body: BlockBody, lang: String?)
  mutating func toc(title: String, _ entries: [TOCEntry])
  mutating func beginSection()
  mutating func endSection()
  /// Around one response and its handling (kept on one page when printed).
  mutating func beginEntry()
  mutating func endEntry()
  var output: String { get }
}

/// Builds the consultation summary (muutosyhteenveto ja lausuntopalautteen käsittely):
/// the versions and who changed them, a table of contents, the structure changes, each
/// changed section in document order with its redlines, then how each response was
/// handled, grouped by section or respondent, with a table to scan.
package enum SummaryRenderer {
  package enum Format: String, Sendable, CaseIterable {
    case markdown, html
    /// Plain text for a terminal, wrapped to a width with hanging indents.
    case text
  }

  /// The whole summary with default options.
  package static func render(_ s: SummaryInput, language: Localization.Language, format: Format) -> String {
    render(s, SummaryOptions(language: language, format: format))
  }

  package static func render(_ s: SummaryInput, _ o: SummaryOptions) -> String {
    switch o.format {
    case .markdown: return run(s, o, MarkdownSummaryWriter.self)
    case .text: return run(s, o, TextSummaryWriter.self)
    case .html:
      let l = Localization(o.language)
      let title = (o.commentsOnly ? l[.commentsTitle] : l[.title]) + ": " + documentTitle(s)
      return HTML.page(
        title: title, lang: o.language.rawValue, body: run(s, o, HTMLSummaryWriter.self), extraStyle: printStyle)
    }
  }

  /// The walk runs twice: the first pass collects the headings for the table of contents.
  static func run<W: SummaryWriter>(_ s: SummaryInput, _ o: SummaryOptions, _: W.Type) -> String {
    var first = SummaryWalk(s, o, W(width: o.width), toc: [])
    first.write()
    var second = SummaryWalk(s, o, W(width: o.width), toc: first.collected)
    second.write()
    return second.w.output
  }

  static func documentTitle(_ s: SummaryInput) -> String {
    s.diff.new.sections.first { $0.level == 1 }?.heading ?? s.new.path
  }

  /// Printing: page numbers in the bottom margin, table headers repeated on each page,
  /// headings kept with what follows.
  static let printStyle = """
    @page { @bottom-right { content: counter(page) " (" counter(pages) ")"; font: 9pt "Noto Sans", "DejaVu Sans", Arial, sans-serif; color: #555; } }
    thead { display: table-header-group; }
    table.responses { table-layout: fixed; }
    table.responses th:nth-child(1) { width: 19%; } table.responses th:nth-child(2) { width: 35%; }
    table.responses th:nth-child(3) { width: 17%; } table.responses th:nth-child(4) { width: 29%; }
    table.responses td { overflow-wrap: break-word; }
    table.doc { font-size: .9em; margin: .3rem 0; }
    table.doc th { background: #f7f7f7; }
    nav.toc ul { list-style: none; padding-left: 1.1rem; margin: .2rem 0; }
    nav.toc > ul { padding-left: 0; }
    nav.toc a { color: inherit; }
    .entry { margin: .8rem 0 1.1rem; break-inside: avoid-page; }
    .entry p { margin: .25rem 0; }
    h2, h3 { break-after: avoid-page; }
    """
}
