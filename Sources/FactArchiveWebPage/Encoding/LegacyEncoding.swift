#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The legacy encoding of a page that is not UTF-8 and declares none: a page saved from a
/// site that named its encoding only in the HTTP header, which the saved file lost. A
/// browser guesses from the bytes (Chromium's CED, Firefox's chardetng); so does this, more
/// simply: the page's first 16 KiB (`sample`) are decoded in each candidate (by the system's `iconv`),
/// and each reading is scored by its non-ASCII characters — letters the candidate's
/// languages use count for it, letters of another script, control codes and bytes the
/// candidate cannot decode against it. Punctuation is neutral, and in the scripts with
/// capitals only small letters count (a reading in the wrong Cyrillic encoding swaps the
/// cases); a letter glued to a Latin one counts against. Kana count for Japanese, Hangul for
/// Korean; for Chinese, the most frequent characters of simplified and traditional text
/// tell GBK from Big5 (other ideographs count half).
///
/// The best reading wins when it is clearly a reading (`least`); otherwise the page is read
/// as windows-1252, as before and as browsers default. Thai (windows-874) needs its spelling
/// rules: nearly every byte above 0xA0 is a Thai character, so Chinese and Japanese read as
/// Thai would score as Thai letter by letter; but a vowel or tone mark written above or
/// below stands only on a consonant, and a vowel written before one only before one, which
/// those misreadings break at every few characters (`breaksThaiSpelling`); and Thai writes
/// a vowel or mark for every two or so consonants, where a Chinese, Japanese or Korean page
/// read as Thai is mostly long runs of consonants (`readsAsThai`).
enum LegacyEncoding {
  enum Script {
    case western, central, turkish, cyrillic, greek, hebrew, arabic
    case japanese, korean, simplifiedChinese, traditionalChinese, thai
  }

  /// Candidates, each as both `iconv` and libxml2 name it, with its script. Tried in this
  /// order; a tie goes to the earlier.
  static let candidates: [(name: String, script: Script)] = [
    ("windows-1252", .western), ("windows-1250", .central), ("windows-1254", .turkish),
    ("windows-1255", .hebrew), ("windows-1251", .cyrillic), ("KOI8-R", .cyrillic),
    ("ISO-8859-5", .cyrillic), ("windows-1253", .greek), ("windows-1256", .arabic),
    ("ISO-8859-6", .arabic),
    ("Shift_JIS", .japanese), ("EUC-JP", .japanese), ("EUC-KR", .korean),
    ("GBK", .simplifiedChinese), ("Big5", .traditionalChinese), ("CP874", .thai),
  ]

  /// Bytes read to guess (a few thousand letters tell; 0.1 ms a candidate per KiB).
  static let sample = 16_384
  /// Fewer non-ASCII characters than this say too little: windows-1252.
  static let fewest = 8
  /// The score a reading needs to win (hits less misses, per non-ASCII character).
  static let least = 0.3

  /// The encoding to read `bytes` in (an `iconv` and libxml2 name).
  static func guess(_ bytes: [UInt8]) -> String {
    let head = Array(bytes.prefix(sample))
    var best = (name: "windows-1252", score: -Double.infinity)
    for (name, script) in candidates {
      guard let score = score(head, encoding: name, script: script) else { continue }
      if score > best.score { best = (name, score) }
    }
    return best.score >= least ? best.name : "windows-1252"
  }

  /// Whether `bytes` hold at least as many well-formed multi-byte UTF-8 sequences as bytes
  /// that are not UTF-8: UTF-8 with a few broken bytes, not a legacy encoding (whose letters
  /// above 0x7F almost never line up as UTF-8).
  static func isMostlyUTF8(_ bytes: [UInt8]) -> Bool {
    var valid = 0
    var invalid = 0
    var index = 0
    while index < bytes.count {
      let byte = bytes[index]
      guard byte >= 0x80 else {
        index += 1
        continue
      }
      let length: Int
      switch byte {
      case 0xC2...0xDF: length = 2
      case 0xE0...0xEF: length = 3
      case 0xF0...0xF4: length = 4
      default: length = 0
      }
      let end = index + length
      if length > 0, end <= bytes.count,
        bytes[(index + 1)..<end].allSatisfy({ $0 & 0xC0 == 0x80 })
      {
        valid += 1
        index = end
      } else {
        invalid += 1
        index += 1
      }
    }
    return valid >= invalid
  }

  /// The reading's score, or `nil` when it has too few non-ASCII characters or `iconv` lacks
  /// the encoding.
  static func score(_ bytes: [UInt8], encoding: String, script: Script) -> Double? {
    guard let (scalars, errors) = decode(bytes, from: encoding) else { return nil }
    var counted = 0
    var total = -3.0 * Double(errors)
    let alphabetic = ![.western, .central, .turkish].contains(script)
    for (index, scalar) in scalars.enumerated() where !scalar.isASCII {
      counted += 1
      // A letter of another alphabet glued to a Latin one is a misreading: a double-byte
      // encoding's second bytes are often ASCII letters, which a single-byte reading leaves
      // between its letters.
      if script == .thai, breaksThaiSpelling(scalars, at: index) {
        total -= 3
        continue
      }
      if alphabetic, scalar.properties.isAlphabetic,
        (index > 0 && scalars[index - 1].isASCIILetter)
          || (index + 1 < scalars.count && scalars[index + 1].isASCIILetter)
      {
        total -= 1
        continue
      }
      total += weight(scalar, in: script)
    }
    guard counted + errors >= fewest else { return nil }
    if script == .thai, !readsAsThai(scalars) { return nil }
    return total / Double(counted + errors)
  }

  /// +1 for a letter the script's languages write with, ½ for an ideograph in Chinese or
  /// Japanese, 0 for punctuation, symbols and capitals, −1 for a letter of another script,
  /// −3 for a control code, a box-drawing piece or a character no text uses.
  static func weight(_ scalar: Unicode.Scalar, in script: Script) -> Double {
    let value = scalar.value
    if (0x80...0x9F).contains(value) || (0xE000...0xF8FF).contains(value) || value == 0xFFFD
      || (0x2500...0x259F).contains(value)
    {
      return -3
    }
    let properties = scalar.properties
    guard properties.isAlphabetic else { return 0 }
    switch script {
    case .western: return latin(scalar, Self.westernLetters)
    case .central: return latin(scalar, Self.centralLetters)
    case .turkish: return latin(scalar, Self.turkishLetters)
    case .cyrillic:
      // `й` and `ъ` are rare in Russian and sit where Hebrew's commonest letters do.
      if value == 0x0439 || value == 0x044A { return 0 }
      return small(scalar, (0x0400...0x04FF).contains(value))
    case .greek: return small(scalar, (0x0370...0x03FF).contains(value))
    case .hebrew:
      // Letters count, points (rare in print) do not.
      if (0x05D0...0x05F4).contains(value) { return 1 }
      return (0x0590...0x05FF).contains(value) ? 0 : -1
    case .arabic: return (0x0600...0x06FF).contains(value) ? 1 : -1
    case .japanese:
      if (0x3040...0x30FF).contains(value) { return 1 }
      return isIdeograph(value) ? 0.5 : -1
    case .korean:
      if (0xAC00...0xD7A3).contains(value) { return 1 }
      return isIdeograph(value) ? 0 : -1
    case .simplifiedChinese: return chinese(scalar, Self.simplifiedCommon)
    case .traditionalChinese: return chinese(scalar, Self.traditionalCommon)
    case .thai: return (0x0E01...0x0E5B).contains(value) ? 1 : -1
    }
  }

  /// Whether Thai characters have the shape of Thai text: at least a third of them vowels
  /// and marks (real Thai: 36–40%; Chinese, Japanese and Korean pages read as Thai: 4–29%),
  /// and at most a fifth of them in runs of five or more consonants (Thai: 6–13%; those
  /// misreadings: up to 73%). Measured on chardet's test files.
  static func readsAsThai(_ scalars: [Unicode.Scalar]) -> Bool {
    var thai = 0
    var vowels = 0
    var inLongRuns = 0
    var run = 0
    func endRun() {
      if run >= 5 { inLongRuns += run }
      run = 0
    }
    for scalar in scalars {
      let value = scalar.value
      guard (0x0E01...0x0E5B).contains(value) else {
        endRun()
        continue
      }
      thai += 1
      if (0x0E01...0x0E2E).contains(value) {
        run += 1
        continue
      }
      endRun()
      if (0x0E30...0x0E3A).contains(value) || (0x0E40...0x0E4E).contains(value) { vowels += 1 }
    }
    endRun()
    return thai > 0 && vowels * 3 >= thai && inLongRuns * 5 <= thai
  }

  /// Whether the Thai character at `index` stands where Thai spelling never puts it: a vowel
  /// written above or below (`ั ิ ี ึ ื ุ ู ฺ ็`) not on a consonant; a tone or other mark
  /// (`่ ้ ๊ ๋ ์ ํ ๎`) on neither a consonant nor such a vowel; a vowel written before its
  /// consonant (`เ แ โ ใ ไ`) with no consonant after it.
  static func breaksThaiSpelling(_ scalars: [Unicode.Scalar], at index: Int) -> Bool {
    func isConsonant(_ position: Int) -> Bool {
      position >= 0 && position < scalars.count
        && (0x0E01...0x0E2E).contains(scalars[position].value)
    }
    let value = scalars[index].value
    switch value {
    case 0x0E31, 0x0E34...0x0E3A, 0x0E47:
      return !isConsonant(index - 1)
    case 0x0E48...0x0E4E:
      guard index > 0 else { return true }
      let before = scalars[index - 1].value
      return !isConsonant(index - 1) && !(before == 0x0E31 || (0x0E34...0x0E39).contains(before))
    case 0x0E40...0x0E44:
      return !isConsonant(index + 1)
    default:
      return false
    }
  }

  static func latin(_ scalar: Unicode.Scalar, _ letters: Set<Unicode.Scalar>) -> Double {
    letters.contains(scalar) ? 1 : -1
  }

  /// The letters and their capitals (`İ` for `i`).
  static func bothCases(_ letters: String) -> Set<Unicode.Scalar> {
    var set = Set(letters.unicodeScalars)
    for scalar in letters.unicodeScalars {
      set.formUnion(scalar.properties.uppercaseMapping.unicodeScalars.filter { !$0.isASCII })
    }
    set.insert("İ")
    return set.filter { !$0.isASCII }
  }

  /// A small letter of the script +1, a capital 0, any other letter −1.
  static func small(_ scalar: Unicode.Scalar, _ inScript: Bool) -> Double {
    guard inScript else { return -1 }
    return scalar.properties.isLowercase ? 1 : 0
  }

  static func chinese(_ scalar: Unicode.Scalar, _ common: Set<Unicode.Scalar>) -> Double {
    if common.contains(scalar) { return 1 }
    return isIdeograph(scalar.value) ? 0.5 : -1
  }

  static func isIdeograph(_ value: UInt32) -> Bool {
    (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value)
      || (0xF900...0xFAFF).contains(value)
  }

  static let westernLetters = bothCases("àáâãäåæçèéêëìíîïñòóôõöøùúûüýÿßœ").subtracting(["İ"])
  static let centralLetters = bothCases("áäâăąćčďđéěęëíîĺľłńňóôöőŕřśšșşťțúůüűýźżž")
    .subtracting(["İ"])
  static let turkishLetters = bothCases("çğıöşüâîûé")
  /// The 1,169 most frequent characters of written Chinese (about four fifths of any text).
  static let simplifiedCommon = Set(
    "的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵"
      .unicodeScalars)
  /// The same characters in their traditional forms.
  static let traditionalCommon = Set(
    "的一是不了在人有我他這個們中來上大為和國地到以說時要就出會可也你對生能而子那得於著下自之年過發後作裡用道行所然家種事成方多經麼去法學如都同現當沒動面起看定天分還進好小部其些主樣理心她本前開但因只從想實日軍者意無力它與長把機十民第公此已工使情明性知全三又關點正業外將兩高間由問很最重並物手應戰向頭文體政美相見被利什二等產或新己制身果加西斯月話合回特代內信表化老給世位次度門任常先海通教兒原東聲提立及比員解水名真論處走義各入幾口認條平系氣題活爾更別打女變四神總何電數安少報才結反受目太量再感建務做接必場件計管期市直德資命山金指克許統區保至隊形社便空決治展馬科司五基眼書非則聽白卻界達光放強即像難且權思王象完設式色路記南品住告類求據程北邊死張該交規萬取拉格望覺術領共確傳師觀清今切院讓識候帶導爭運笑飛風步改收根乾造言聯持組每濟車親極林服快辦議往元英士證近失轉夫令準布始怎呢存未遠叫台單影具羅字愛擊流備兵連調深商算質團集百需價花黨華城石級整府離況亞請技際約示復病息究線似官火斷精滿支視消越器容照須九增研寫稱企八功嗎包片史委乎查輕易早曾除農找裝廣顯吧阿李標談吃圖念六引歷首醫局突專費號盡另周較注語僅考落青隨選列武紅響雖推勢參希古眾構房半節土投某案黑維革劃敵致陳律足態護七興派孩驗責營星夠章音跟志底站嚴巴例防族供效續施留講型料終答緊黃絕奇察母京段依批群項故按河米圍江織害鬥雙境客紀採舉殺攻父蘇密低朝友訴止細願千值仍男錢破網熱助倒育屬坐帝限船臉職速刻樂否剛威毛狀率甚獨球般普怕彈校苦創假久錯承印晚蘭試股拿腦預誰益陽若哪微尼繼送急血驚傷素藥適波夜省初喜衛源食險待述陸習置居勞財環排福納歡雷警獲模充負雲停木遊龍樹疑層冷洲衝射略範竟句室異激漢村哈策演簡卡罪判擔州靜退既衣您宗積餘痛檢差富靈協角佔配徵修皮揮勝降階審沉堅善媽劉讀啊超免壓銀買皇養伊懷執副亂抗犯追幫宣佛歲航優怪香著田鐵控稅左右份穿藝背陣草腳概惡塊頓敢守酒島托央戶烈洋哥索胡款靠評版寶座釋景顧弟登貨互付伯慢歐換聞危忙核暗姐介壞討麗良序升監臨亮露永呼味野架域沙掉括艦魚雜誤灣吉減編楚肯測敗屋跑夢散溫困劍漸封救貴槍缺樓縣尚毫移娘朋畫班智亦耳恩短掌恐遺固席松秘謝魯遇康慮幸均銷鐘詩藏趕劇票損忽巨炮舊端探湖錄葉春鄉附吸予禮港雨呀板庭婦歸睛飯額含順輸搖招婚脫補謂督毒油療旅澤材滅逐莫筆亡鮮詞聖擇尋廠睡博勒煙授諾倫岸奧唐賣俄炸載洛健堂旁宮喝借君禁陰園謀宋避抓榮姑孫逃牙束跳頂玉鎮雪午練迫爺篇肉嘴館遍凡礎洞卷坦牛寧紙諸訓私莊祖絲翻暴森塔默握戲隱熟骨訪弱蒙歌店鬼軟典欲薩夥遭盤爸擴蓋弄雄穩忘億刺擁徒姆楊齊賽趣曲刀床迎冰虛玩析窗醒妻透購替塞努休虎揚途侵刑綠兄迅套貿畢唯谷輪庫跡尤競街促延震棄甲偉麻川申緩潛閃售燈針哲絡抵朱埃抱鼓植純夏忍頁傑築折鄭貝尊吳秀混臣雅振染盛怒舞圓搞狂措姓殘秋培迷誠寬宇猛擺梅毀伸摩盟末乃悲拍丁趙"
      .unicodeScalars)

  /// The bytes decoded by `iconv`, with the count of bytes it could not decode (each
  /// skipped); `nil` when `iconv` lacks the encoding.
  /// The bytes converted to UTF-8 from `encoding` (bytes it cannot decode skipped); `nil`
  /// when `iconv` lacks the encoding.
  static func utf8(_ bytes: [UInt8], from encoding: String) -> [UInt8]? {
    guard let (scalars, _) = decode(bytes, from: encoding) else { return nil }
    var text = String.UnicodeScalarView()
    text.append(contentsOf: scalars)
    return Array(String(text).utf8)
  }

  /// Whether `iconv` (and so libxml2) knows the encoding by this name.
  static func isKnown(_ encoding: String) -> Bool {
    guard let converter = iconv_open("UTF-8", encoding), converter != iconv_t(bitPattern: -1)
    else { return false }
    iconv_close(converter)
    return true
  }

  static func decode(_ bytes: [UInt8], from encoding: String) -> ([Unicode.Scalar], Int)? {
    let converter = iconv_open("UTF-32LE", encoding)
    guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
    defer { iconv_close(converter) }
    var input = bytes.map { CChar(bitPattern: $0) }
    var output = [UInt8](repeating: 0, count: 4 * bytes.count + 16)
    var errors = 0
    var written = 0
    input.withUnsafeMutableBufferPointer { inBuffer in
      output.withUnsafeMutableBufferPointer { outBuffer in
        guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else {
          return
        }
        var inPointer: UnsafeMutablePointer<CChar>? = inBase
        var inLeft = inBuffer.count
        var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase)
          .assumingMemoryBound(to: CChar.self)
        var outLeft = outBuffer.count
        while inLeft > 0 {
          if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1 { break }
          guard errno == EILSEQ, inLeft > 0 else { break }  // EINVAL: cut at the end
          errors += 1
          inPointer = inPointer.map { $0 + 1 }
          inLeft -= 1
        }
        written = outBuffer.count - outLeft
      }
    }
    var scalars: [Unicode.Scalar] = []
    scalars.reserveCapacity(written / 4)
    var index = 0
    while index + 3 < written {
      let value =
        UInt32(output[index]) | UInt32(output[index + 1]) << 8 | UInt32(output[index + 2]) << 16
        | UInt32(output[index + 3]) << 24
      if let scalar = Unicode.Scalar(value) { scalars.append(scalar) }
      index += 4
    }
    return (scalars, errors)
  }
}

extension Unicode.Scalar {
  fileprivate var isASCIILetter: Bool {
    let folded = value | 0x20
    return folded >= 0x61 && folded <= 0x7A
  }
}
