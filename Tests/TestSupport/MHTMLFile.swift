/// Pages written as MHTML archives the way Chrome saves them ("Webpage, Single File"): the
/// page in quoted-printable, lines of at most 76 characters ending in `=` where a long line
/// was broken, CRLF line ends, then a style sheet.
public enum MHTMLFile {
  public static let boundary = "----MultipartBoundary--Tq7fY2mZ0pL9----"

  public static func chrome(_ html: String, url: String = "https://example.org/saved") -> [UInt8] {
    chrome(part: quotedPrintable(Array(html.utf8)), encoding: "quoted-printable", url: url)
  }

  /// An archive whose page part is `part`, written in `encoding`.
  public static func chrome(
    part: [UInt8], encoding: String, url: String = "https://example.org/saved"
  ) -> [UInt8] {
    let head = """
      From: <Saved by Blink>\r
      Snapshot-Content-Location: \(url)\r
      Subject: Saved page\r
      Date: Mon, 4 May 2026 09:14:02 -0000\r
      MIME-Version: 1.0\r
      Content-Type: multipart/related;\r
      \ttype="text/html";\r
      \tboundary="\(boundary)"\r
      \r
      \r
      --\(boundary)\r
      Content-Type: text/html\r
      Content-ID: <frame-1@mhtml.blink>\r
      Content-Transfer-Encoding: \(encoding)\r
      Content-Location: \(url)\r
      \r

      """
    let tail = """
      \r
      --\(boundary)\r
      Content-Type: text/css\r
      Content-Transfer-Encoding: quoted-printable\r
      Content-Location: cid:css-1@mhtml.blink\r
      \r
      p { margin: 0; }\r
      --\(boundary)--\r

      """
    return Array(head.utf8) + part + Array(tail.utf8)
  }

  /// The line of the archive where the page's line `line` starts, for a page whose lines
  /// are each shorter than 70 bytes once encoded (no soft breaks): 16 header lines come first.
  public static func archiveLine(ofPageLine line: Int) -> Int { 16 + line }

  /// RFC 2045 §6.7: `=`, bytes outside printable ASCII and white space at a line's end as
  /// `=XX`, lines broken with `=` before 76 characters, line breaks as CRLF.
  public static func quotedPrintable(_ bytes: [UInt8]) -> [UInt8] {
    let hex = Array("0123456789ABCDEF".utf8)
    var out: [UInt8] = []
    let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
    for (index, line) in lines.enumerated() {
      var column = 0
      for (position, byte) in line.enumerated() {
        let atEnd = position == line.count - 1
        let plain =
          byte != UInt8(ascii: "=") && byte >= 0x20 && byte < 0x7F
          && !(atEnd && byte == 0x20)
        let encoded =
          plain ? [byte] : [UInt8(ascii: "="), hex[Int(byte >> 4)], hex[Int(byte & 15)]]
        if column + encoded.count > 75 {
          out += Array("=\r\n".utf8)
          column = 0
        }
        out += encoded
        column += encoded.count
      }
      if index < lines.count - 1 { out += [0x0D, 0x0A] }
    }
    return out
  }
}
