import CInflate
import Foundation
import WorkbenchModel

/// Checks a ZIP file's structure before ZIPFoundation reads it: every entry stored or deflated, inside
/// the file, and (when deflated) a stream that ends within its compressed size. ZIPFoundation's reader
/// spins forever on a deflate stream that runs to the end of the file, so a hostile bundle could hang
/// `scripts install`; this refuses it first.
enum ZipPreflight {
    /// Signatures of the records read (little-endian).
    private static let endOfDirectory: UInt32 = 0x0605_4B50
    private static let directoryEntry: UInt32 = 0x0201_4B50
    private static let localHeader: UInt32 = 0x0403_4B50

    /// Checks `bytes`, the whole ZIP file.
    /// - Parameters:
    ///   - bytes: the file's contents.
    ///   - origin: the file's name, for messages.
    /// - Throws: `WorkbenchError.message` naming the file and what is wrong.
    static func check(_ bytes: [UInt8], origin: String) throws {
        func damaged(_ what: String) -> WorkbenchError { .message("\(origin) is refused: it is damaged (\(what))") }
        guard let eocd = findEndOfDirectory(bytes) else { throw damaged("no end of the central directory") }
        let count = Int(u16(bytes, eocd + 10))
        let size = Int(u32(bytes, eocd + 12))
        let start = Int(u32(bytes, eocd + 16))
        guard count != 0xFFFF, start != 0xFFFF_FFFF else {
            throw WorkbenchError.message("\(origin) is refused: ZIP64 archives are not bundles")
        }
        guard start + size <= eocd else { throw damaged("the central directory lies outside the file") }
        var p = start
        for _ in 0..<count {
            guard p + 46 <= eocd, u32(bytes, p) == directoryEntry else {
                throw damaged("a central directory entry is missing")
            }
            let method = u16(bytes, p + 10)
            let compressed = Int(u32(bytes, p + 20))
            let uncompressed = Int(u32(bytes, p + 24))
            let next = p + 46 + Int(u16(bytes, p + 28)) + Int(u16(bytes, p + 30)) + Int(u16(bytes, p + 32))
            let header = Int(u32(bytes, p + 42))
            let name = String(
                decoding: bytes[(p + 46)..<min(p + 46 + Int(u16(bytes, p + 28)), bytes.count)], as: UTF8.self)
            guard next <= eocd else { throw damaged("a central directory entry runs past its end") }
            guard header + 30 <= bytes.count, u32(bytes, header) == localHeader else {
                throw damaged("\(SandboxPolicy.visible(name)) has no local header")
            }
            // ZIPFoundation decides by the local header's method, the sizes come from the directory
            guard u16(bytes, header + 8) == method else {
                throw damaged("\(SandboxPolicy.visible(name))'s two headers name different compression methods")
            }
            let data = header + 30 + Int(u16(bytes, header + 26)) + Int(u16(bytes, header + 28))
            guard data + compressed <= bytes.count else {
                throw damaged("\(SandboxPolicy.visible(name)) runs past the end of the file")
            }
            try checkData(
                bytes, at: data, compressed: compressed, uncompressed: uncompressed, method: method,
                name: SandboxPolicy.visible(name), damaged: damaged)
            p = next
        }
    }

    /// Checks one entry's data: stored at its stated size, or deflated to a stream that ends in place.
    private static func checkData(
        _ bytes: [UInt8], at data: Int, compressed: Int, uncompressed: Int, method: UInt16,
        name: String, damaged: (String) -> WorkbenchError
    ) throws {
        switch method {
        case 0:
            guard compressed == uncompressed else { throw damaged("\(name) is stored with two different sizes") }
        case 8:
            var inflated = 0
            let result = bytes.withUnsafeBufferPointer { buffer in
                CInflate_inflate_check(buffer.baseAddress! + data, compressed, uncompressed, &inflated)
            }
            switch result {
            case Int32(CINFLATE_ENDS):
                guard inflated == uncompressed else {
                    throw damaged("\(name) inflates to \(inflated) bytes, not \(uncompressed)")
                }
            case Int32(CINFLATE_TRUNCATED): throw damaged("\(name)'s compressed data is cut short")
            case Int32(CINFLATE_TOO_LARGE):
                throw damaged("\(name) inflates to more than the \(uncompressed) bytes it declares")
            default: throw damaged("\(name)'s compressed data is invalid")
            }
        default:
            throw damaged("\(name) uses compression method \(method); bundles are stored or deflated")
        }
    }

    /// The offset of the end-of-central-directory record, searched from the end (it may be followed by
    /// a comment of up to 65,535 bytes).
    private static func findEndOfDirectory(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 22 else { return nil }
        let lowest = max(0, bytes.count - 22 - 65_535)
        var p = bytes.count - 22
        while p >= lowest {
            if u32(bytes, p) == endOfDirectory { return p }
            p -= 1
        }
        return nil
    }

    private static func u16(_ b: [UInt8], _ i: Int) -> UInt16 {
        guard i >= 0, i + 2 <= b.count else { return 0xFFFF }
        return UInt16(b[i]) | UInt16(b[i + 1]) << 8
    }

    private static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        guard i >= 0, i + 4 <= b.count else { return 0xFFFF_FFFF }
        return UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }
}
