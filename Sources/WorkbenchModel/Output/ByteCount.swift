/// "64 MB"-style rendering of a byte count.
package func formatBytes(_ n: Int) -> String {
    if n >= 1 << 30 { return "\(n >> 30) GB" }
    if n >= 1 << 20 { return "\(n >> 20) MB" }
    if n >= 1 << 10 { return "\(n >> 10) KB" }
    return "\(n) bytes"
}
