import Crypto
import Foundation
import WorkbenchModel

/// Ed25519 keys and signatures for shared script bundles.
///
/// A bundle's `manifest.json` lists every file with its SHA-256 and size; the signer signs the
/// manifest's exact bytes, and `manifest.sig` carries the signature with the signer's public key.
/// A signature proves that whoever holds the private key approved these exact files; it says nothing
/// about whether the script is good, and a key is only as trustworthy as the way it reached you.
package enum ScriptSigning {
    /// How a public key is written: `workbench-ed25519 BASE64 NAME`, one line (like an SSH key).
    static let publicPrefix = "workbench-ed25519"
    /// How a private key file starts.
    static let privatePrefix = "workbench-ed25519-private"
    /// The name of the signature file inside a bundle.
    package static let signatureFile = "manifest.sig"
    static let signatureFormat = "workbench-signature"

    /// A public key with the name its owner gave it.
    package struct PublicKey: Sendable, Equatable {
        package var name: String
        package var raw: Data

        /// The one-line form teammates exchange.
        package var line: String { "\(ScriptSigning.publicPrefix) \(raw.base64EncodedString()) \(name)" }

        /// A short, stable identifier of the key (the first 16 hex digits of its SHA-256).
        package var fingerprint: String {
            SHA256.hash(data: raw).prefix(8).map { String(format: "%02x", $0) }.joined()
        }
    }

    /// What `manifest.sig` holds.
    struct SignatureFile: Codable {
        var format: String
        var formatVersion: Int
        var signer: String
        var publicKey: String
        var signature: String
    }

    // MARK: Where keys live

    /// `$XDG_CONFIG_HOME/workbench` (`~/.config/workbench` by default).
    static func configFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        let config =
            environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? ".") + "/.config")
        return config + "/workbench"
    }

    /// The folder of your own keys.
    package static func keysFolder(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        configFolder(environment: environment) + "/keys"
    }

    /// The file of keys you trust, one public key line each.
    package static func trustedKeysFile(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        configFolder(environment: environment) + "/trusted_keys"
    }

    /// Whether `name` can name a key (letters, digits, `_`, `-`, `.`; it becomes a file name).
    package static func isKeyName(_ name: String) -> Bool {
        !name.isEmpty && name.count <= 64 && !name.hasPrefix(".")
            && name.unicodeScalars.allSatisfy {
                ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0)))
                    || "_-.".unicodeScalars.contains($0)
            }
    }

    // MARK: Keys

    /// Makes a key pair `NAME.key` (readable by you only) and `NAME.pub` in the keys folder.
    /// - Throws: `WorkbenchError` when the name is not plain, or a key of that name exists and `force` is not set.
    package static func generate(
        name: String, force: Bool, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> PublicKey {
        guard isKeyName(name) else {
            throw WorkbenchError.usage("a key name is letters, digits, '_', '-' and '.', not '\(name)'")
        }
        let folder = keysFolder(environment: environment)
        let keyPath = folder + "/\(name).key"
        if FileManager.default.fileExists(atPath: keyPath) && !force {
            throw WorkbenchError.message(
                "a key named \(name) exists already (\(keyPath)); choose another name, or replace it with --force (bundles signed with the old key will no longer match it)"
            )
        }
        try FileManager.default.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let key = Curve25519.Signing.PrivateKey()
        let publicKey = PublicKey(name: name, raw: key.publicKey.rawRepresentation)
        let secret = "\(privatePrefix) \(key.rawRepresentation.base64EncodedString()) \(name)\n"
        guard
            FileManager.default.createFile(
                atPath: keyPath + ".new", contents: Data(secret.utf8), attributes: [.posixPermissions: 0o600])
        else {
            throw WorkbenchError.message("cannot write the key to \(keyPath)")
        }
        _ = try? FileManager.default.removeItem(atPath: keyPath)
        try FileManager.default.moveItem(atPath: keyPath + ".new", toPath: keyPath)
        try Data((publicKey.line + "\n").utf8).write(
            to: URL(fileURLWithPath: folder + "/\(name).pub"), options: .atomic)
        return publicKey
    }

    /// Your private key `name`, for signing.
    /// - Throws: `WorkbenchError` naming the file when it is missing or damaged.
    static func privateKey(named name: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws
        -> (key: Curve25519.Signing.PrivateKey, name: String)
    {
        guard isKeyName(name) else {
            throw WorkbenchError.usage("a key name is letters, digits, '_', '-' and '.', not '\(name)'")
        }
        let path = keysFolder(environment: environment) + "/\(name).key"
        guard let data = FileManager.default.contents(atPath: path) else {
            throw WorkbenchError.message(
                "no key named \(name) (\(path)); make one with: workbench scripts keygen \(name)")
        }
        let parts = String(decoding: data, as: UTF8.self).split(whereSeparator: \.isWhitespace)
        guard parts.count >= 2, parts[0] == privatePrefix, let raw = Data(base64Encoded: String(parts[1])),
            let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
        else {
            throw WorkbenchError.message("\(path) is not a workbench private key")
        }
        return (key, name)
    }

    /// Reads a public key line (`workbench-ed25519 BASE64 NAME`).
    /// - Throws: `WorkbenchError.usage` saying what a key line looks like.
    package static func parsePublicKey(_ line: String) throws -> PublicKey {
        let parts = line.trimmingCharacters(in: .whitespaces).split(whereSeparator: \.isWhitespace).map(String.init)
        guard parts.count >= 2, parts[0] == publicPrefix, let raw = Data(base64Encoded: parts[1]), raw.count == 32,
            (try? Curve25519.Signing.PublicKey(rawRepresentation: raw)) != nil
        else {
            throw WorkbenchError.usage(
                "not a workbench public key: a key line reads `\(publicPrefix) BASE64 NAME` (as `workbench scripts keygen` prints it)"
            )
        }
        let name = parts.count > 2 ? parts[2...].joined(separator: " ") : "unnamed"
        return PublicKey(name: name, raw: raw)
    }

    /// The keys you trust (an unreadable or missing file trusts no one).
    package static func trustedKeys(environment: [String: String] = ProcessInfo.processInfo.environment) -> [PublicKey]
    {
        guard let data = FileManager.default.contents(atPath: trustedKeysFile(environment: environment)) else {
            return []
        }
        return String(decoding: data, as: UTF8.self).split(separator: "\n").compactMap { line in
            let t = line.trimmingCharacters(in: .whitespaces)
            return t.isEmpty || t.hasPrefix("#") ? nil : try? parsePublicKey(t)
        }
    }

    /// Adds keys to the trusted keys: one key line, or a file of them (a team's `trusted_keys`).
    /// - Returns: one line per key, saying whether it was added or already trusted.
    /// - Throws: `WorkbenchError.usage` when the argument holds no key.
    package static func trust(_ argument: String, environment: [String: String] = ProcessInfo.processInfo.environment)
        throws -> [String]
    {
        var candidates: [PublicKey] = []
        if argument.hasPrefix(publicPrefix + " ") {
            candidates = [try parsePublicKey(argument)]
        } else if let data = FileManager.default.contents(atPath: argument) {
            for (n, line) in String(decoding: data, as: UTF8.self).split(
                separator: "\n", omittingEmptySubsequences: false
            ).enumerated() {
                let t = line.trimmingCharacters(in: .whitespaces)
                if t.isEmpty || t.hasPrefix("#") { continue }
                do { candidates.append(try parsePublicKey(t)) } catch {
                    throw WorkbenchError.usage("\(argument):\(n + 1): not a workbench public key line")
                }
            }
            if candidates.isEmpty { throw WorkbenchError.usage("\(argument) holds no public key lines") }
        } else {
            throw WorkbenchError.usage(
                "'\(argument)' is neither a public key line (`\(publicPrefix) BASE64 NAME`) nor a readable file of them"
            )
        }
        var known = trustedKeys(environment: environment)
        var added: [String] = []
        var messages: [String] = []
        for key in candidates {
            if let same = known.first(where: { $0.raw == key.raw }) {
                messages.append("already trusted: \(same.name) (\(key.fingerprint))")
            } else {
                known.append(key)
                added.append(key.line)
                messages.append("trusted: \(key.name) (\(key.fingerprint))")
            }
        }
        if !added.isEmpty {
            let path = trustedKeysFile(environment: environment)
            try FileManager.default.createDirectory(
                atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            var text =
                FileManager.default.contents(atPath: path).map { String(decoding: $0, as: UTF8.self) }
                ?? "# keys whose signed script bundles `workbench scripts install` accepts\n"
            if !text.isEmpty && !text.hasSuffix("\n") { text += "\n" }
            text += added.joined(separator: "\n") + "\n"
            try Data(text.utf8).write(to: URL(fileURLWithPath: path), options: .atomic)
        }
        return messages
    }

    // MARK: Signatures

    /// The `manifest.sig` contents for a manifest, signed with your key `name`.
    static func sign(
        manifest: Data, keyName: String, environment: [String: String] = ProcessInfo.processInfo.environment
    ) throws -> Data {
        let (key, name) = try privateKey(named: keyName, environment: environment)
        let signature = try key.signature(for: manifest)
        let file = SignatureFile(
            format: signatureFormat, formatVersion: 1, signer: name,
            publicKey: key.publicKey.rawRepresentation.base64EncodedString(),
            signature: signature.base64EncodedString())
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        return try encoder.encode(file)
    }

    /// Checks a signature file against the manifest's bytes.
    /// - Returns: the key that signed it (with the name the signer gave it).
    /// - Throws: `WorkbenchError` when the signature file is damaged or does not match the manifest.
    static func verify(manifest: Data, signature data: Data, origin: String) throws -> PublicKey {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        guard let file = try? decoder.decode(SignatureFile.self, from: data), file.format == signatureFormat,
            let raw = Data(base64Encoded: file.publicKey), let signature = Data(base64Encoded: file.signature),
            let key = try? Curve25519.Signing.PublicKey(rawRepresentation: raw)
        else {
            throw WorkbenchError.message("\(origin) is refused: its signature file (\(signatureFile)) is damaged")
        }
        guard key.isValidSignature(signature, for: manifest) else {
            throw WorkbenchError.message(
                "\(origin) is refused: its signature does not match its manifest (the bundle was changed after it was signed, or the signature is forged)"
            )
        }
        return PublicKey(name: file.signer, raw: raw)
    }
}
