/// Version information shown by `--version` and given to scripts.
package enum WorkbenchInfo {
    /// The workbench release.
    package static let version = "0.1.0"
    /// The Lua API version scripts can ask for with `api = "1"`.
    package static let api = 1
}
