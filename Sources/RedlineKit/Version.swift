// swift-format-ignore: AlwaysUseLowerCamelCase
/// Redline's version, printed by `redline --version` (semantic versioning; the one place it is set).
public let RedlineVersion = "0.2.0"
