// swift-format-ignore: AlwaysUseLowerCamelCase
/// Redline's version, printed by `redline --version` (semantic versioning; the one place it is set).
package let RedlineVersion = "0.2.0"
