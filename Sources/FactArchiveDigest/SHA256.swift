import CLibCrypto

/// SHA-256 (FIPS 180-4) through the system's libcrypto: the key of every stored document
/// (`documents.sha256`) and the hash of the desk's stylesheet in its Content-Security-Policy.
///
/// The system library rather than swift-crypto: on Linux swift-crypto compiles its own copy
/// of BoringSSL, for the one function the archive needs (together with the test changes of
/// the same step, a fresh clone's `make run` went from 161 s to 122 s on two cores; see
/// Benchmarks/NOTES.md).
public enum SHA256 {
  /// The 32 bytes of the digest of `bytes`.
  public static func digest(_ bytes: UnsafeRawBufferPointer) -> [UInt8] {
    var digest = [UInt8](repeating: 0, count: 32)
    var size: UInt32 = 0
    let status = digest.withUnsafeMutableBufferPointer { output in
      EVP_Digest(bytes.baseAddress, bytes.count, output.baseAddress, &size, EVP_sha256(), nil)
    }
    // EVP_Digest fails only when the library cannot allocate its context.
    precondition(status == 1 && size == 32, "libcrypto could not compute SHA-256")
    return digest
  }

  /// The digest of `bytes`.
  public static func digest(_ bytes: [UInt8]) -> [UInt8] {
    bytes.withUnsafeBytes { digest($0) }
  }

  /// The digest of the UTF-8 of `text`.
  public static func digest(_ text: String) -> [UInt8] {
    digest(Array(text.utf8))
  }

  /// The digest of `bytes` in lowercase hexadecimal, as `documents.sha256` holds it.
  public static func hex(_ bytes: [UInt8]) -> String {
    hexadecimal(digest(bytes))
  }

  /// `bytes` written in lowercase hexadecimal.
  public static func hexadecimal(_ bytes: [UInt8]) -> String {
    let digits: [UInt8] = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    text.reserveCapacity(bytes.count * 2)
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0F)])
    }
    return String(decoding: text, as: UTF8.self)
  }
}
