import ArgumentParser
import RedlineReport

/// `--lang fi|sv|en`: help lists the languages and completion offers them.
extension Localization.Language: ExpressibleByArgument {}
