/**
 * Writes a synthetic help-center corpus: N articles in each of the four
 * languages, as <dir>/<locale>/<slug>.mdx, valid for the content check.
 *
 * The text is deterministic pseudo-prose (seeded PRNG) drawn from a
 * vocabulary per language, sized like a real article (≈400–700 words,
 * 3–5 sections, a <Steps> list, a <Note>); Chinese articles use real
 * Chinese words so Pagefind's Chinese indexing is exercised. Some articles
 * carry a distinctive word per language (see `markerWords`) for searches.
 *
 * Standalone:
 *   npm exec -- tsx bench/generate-articles.ts --n 100 --out /tmp/corpus [--seed 1]
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { articleTypes, categoryIds, defaultServices, type Locale, locales } from "@frontline/core";

/** A word that appears only in every `markerEvery`-th article of its language. */
export const markerWords: Readonly<Record<Locale, string>> = {
  en: "quasar",
  de: "Dienststatus",
  it: "fatturazione",
  "zh-cn": "服务运行状况",
};
export const markerEvery = 10;

export interface GenerateOptions {
  /** Articles per language. */
  readonly n: number;
  /** Output folder; created if missing. Existing files with the same names are overwritten. */
  readonly dir: string;
  readonly seed?: number;
}

export interface GeneratedCorpus {
  readonly dir: string;
  readonly articlesPerLocale: number;
  readonly files: number;
  readonly bytes: number;
  /** Words per article body (tokens for Chinese), over all languages. */
  readonly words: { readonly min: number; readonly max: number; readonly mean: number };
  /** Slugs of the articles that contain each language's marker word. */
  readonly markerSlugs: readonly string[];
}

// ---------------------------------------------------------------------------
// Deterministic randomness

/** mulberry32: small, fast, good enough for text. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Random = () => number;
const int = (rnd: Random, min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
function pick<T>(rnd: Random, items: readonly T[]): T {
  return items[Math.floor(rnd() * items.length)] as T;
}
/** Skewed towards the front of the list, roughly like word frequencies in real text. */
function pickSkewed<T>(rnd: Random, items: readonly T[]): T {
  const r = rnd();
  return items[Math.floor(r * r * items.length)] as T;
}

// ---------------------------------------------------------------------------
// Vocabularies. Marker words must not occur here (nor be formed by joining
// neighbouring Chinese words), so a search for them finds exactly the marked articles.

interface Vocabulary {
  /** Short, frequent words. */
  readonly function: readonly string[];
  /** Content words, most frequent first. */
  readonly content: readonly string[];
  /** Imperative verbs that start a step or a title. */
  readonly verbs: readonly string[];
  /** Menu items for <UiPath>. */
  readonly ui: readonly string[];
  readonly spaced: boolean;
  readonly stop: string;
  readonly comma: string;
  readonly question: string;
}

const split = (text: string) => text.trim().split(/\s+/);

const vocabularies: Readonly<Record<Locale, Vocabulary>> = {
  en: {
    function: split(`the a an to of and or in on for with your you we it is are can
      if when then this that from by at as not be will should before after each every`),
    content: split(`account service request mailbox user administrator password sign-in
      organisation partner operator cloud settings health status incident message
      calendar meeting file folder storage machine network connection browser device
      licence subscription invoice payment billing update version application desktop
      client certificate domain address policy permission role group share sync
      backup restore migration performance availability latency bandwidth outage
      maintenance ticket response solution step page menu button window list report
      log record software system server portal identity token session timeout cache
      proxy firewall port protocol encryption key image snapshot disk instance monitor
      alert threshold quota limit attachment rule filter forwarding contact invitation
      recording screen participant audio video link upload download space team engineer
      customer escalation severity priority region tenant directory consent audit
      retention archive export import schedule notification reminder delegate owner
      member guest external internal primary secondary default custom manual automatic`),
    verbs: split(`open select check choose enter confirm review restart save add remove
      create change verify enable disable configure assign renew reset download upload
      contact wait compare note copy`),
    ui: split(`Dashboard Settings Users Health Billing Services Security Storage Mail
      Meetings Files Devices Reports Licences Domains Policies Advanced General`),
    spaced: true,
    stop: ".",
    comma: ",",
    question: "?",
  },
  de: {
    function: split(`der die das ein eine und oder in im auf für mit Ihr Ihre Sie wir es
      ist sind kann wenn dann dieser diese von bei als nicht wird sollte vor nach jeder
      zum zur den dem des`),
    content: split(`Konto Dienst Anfrage Postfach Benutzer Administrator Kennwort Anmeldung
      Organisation Partner Betreiber Cloud Einstellungen Zustand Status Störung Nachricht
      Kalender Besprechung Datei Ordner Speicher Maschine Netzwerk Verbindung Browser
      Gerät Lizenz Abonnement Rechnung Zahlung Abrechnung Aktualisierung Version Anwendung
      Desktop Client Zertifikat Domäne Adresse Richtlinie Berechtigung Rolle Gruppe
      Freigabe Synchronisierung Sicherung Wiederherstellung Migration Leistung
      Verfügbarkeit Latenz Bandbreite Ausfall Wartung Ticket Antwort Lösung Schritt
      Seite Menü Schaltfläche Fenster Liste Bericht Protokoll Eintrag Software System
      Server Portal Identität Token Sitzung Zeitüberschreitung Zwischenspeicher Proxy
      Firewall Anschluss Verschlüsselung Schlüssel Abbild Momentaufnahme Datenträger
      Instanz Überwachung Warnung Schwellenwert Kontingent Grenze Anhang Regel Filter
      Weiterleitung Kontakt Einladung Aufzeichnung Bildschirm Teilnehmer Ton Video Link
      Team Techniker Kunde Eskalation Schweregrad Priorität Region Mandant Verzeichnis
      Zustimmung Prüfung Aufbewahrung Archiv Export Import Zeitplan Benachrichtigung
      Erinnerung Stellvertreter Besitzer Mitglied Gast extern intern primär sekundär
      standardmäßig benutzerdefiniert manuell automatisch schnell sicher wichtig`),
    verbs: split(`Öffnen Wählen Prüfen Geben Bestätigen Starten Speichern Fügen Entfernen
      Erstellen Ändern Aktivieren Deaktivieren Konfigurieren Weisen Erneuern Setzen
      Laden Kontaktieren Warten Vergleichen Notieren Kopieren`),
    ui: split(`Dashboard Einstellungen Benutzer Zustand Abrechnung Dienste Sicherheit
      Speicher Mail Besprechungen Dateien Geräte Berichte Lizenzen Domänen Richtlinien
      Erweitert Allgemein`),
    spaced: true,
    stop: ".",
    comma: ",",
    question: "?",
  },
  it: {
    function: split(`il lo la le gli un una e o in su per con il tuo la tua voi noi è sono
      può se quando poi questo questa da di del della al alla come non sarà prima dopo
      ogni nel nella`),
    content: split(`account servizio richiesta casella utente amministratore password accesso
      organizzazione partner operatore cloud impostazioni integrità stato incidente
      messaggio calendario riunione file cartella archiviazione macchina rete connessione
      browser dispositivo licenza abbonamento ricevuta pagamento aggiornamento versione
      applicazione desktop client certificato dominio indirizzo criterio autorizzazione
      ruolo gruppo condivisione sincronizzazione backup ripristino migrazione prestazioni
      disponibilità latenza larghezza interruzione manutenzione ticket risposta soluzione
      passaggio pagina menu pulsante finestra elenco rapporto registro voce software
      sistema server portale identità token sessione timeout cache proxy firewall porta
      protocollo crittografia chiave immagine snapshot disco istanza monitoraggio avviso
      soglia quota limite allegato regola filtro inoltro contatto invito registrazione
      schermo partecipante audio video collegamento caricamento scaricamento spazio team
      tecnico cliente escalation gravità priorità regione tenant directory consenso
      verifica conservazione esportazione importazione pianificazione notifica
      promemoria delegato proprietario membro ospite esterno interno primario secondario
      predefinito personalizzato manuale automatico rapido sicuro importante`),
    verbs: split(`Apri Seleziona Controlla Scegli Inserisci Conferma Rivedi Riavvia Salva
      Aggiungi Rimuovi Crea Modifica Verifica Attiva Disattiva Configura Assegna Rinnova
      Reimposta Scarica Carica Contatta Attendi Confronta Annota Copia`),
    ui: split(`Dashboard Impostazioni Utenti Integrità Pagamenti Servizi Sicurezza
      Archiviazione Posta Riunioni File Dispositivi Rapporti Licenze Domini Criteri
      Avanzate Generali`),
    spaced: true,
    stop: ".",
    comma: ",",
    question: "?",
  },
  "zh-cn": {
    function: split(`的 了 在 是 和 与 您 我们 这个 那个 所有 一些 每个 如果 然后 因为 所以
      但是 或者 以及 可以 需要 已经 正在 首先 最后 通常 立即 也 都 就 还 会 能 要`),
    content: split(`服务 账户 请求 邮箱 用户 管理员 密码 登录 组织 合作伙伴 运营方 云 设置
      健康 事件 消息 日历 会议 文件 文件夹 存储 虚拟机 网络 连接 浏览器 设备 许可证
      订阅 发票 付款 账单 更新 版本 应用 桌面 客户端 证书 域名 地址 策略 权限 角色
      组 共享 同步 备份 恢复 迁移 性能 可用性 延迟 带宽 中断 故障 维护 工单 响应
      解决方案 步骤 页面 菜单 按钮 窗口 列表 报告 日志 记录 软件 系统 服务器 门户
      身份 令牌 会话 超时 缓存 代理 防火墙 端口 协议 加密 密钥 镜像 快照 磁盘 实例
      监控 警报 阈值 配额 限制 附件 规则 过滤器 转发 联系人 邀请 录制 屏幕 参与者
      音频 视频 链接 上传 下载 空间 团队 工程师 客户 升级 严重性 优先级 区域 租户
      目录 同意 审核 保留 存档 导出 导入 计划 通知 提醒 委托 所有者 成员 来宾 外部
      内部 主要 次要 默认 自定义 手动 自动 快速 安全 重要 简单 错误 问题 帮助 中心
      数据 时间 电脑 手机 文档 说明 功能 选项`),
    verbs: split(`打开 选择 检查 输入 确认 查看 重新启动 保存 添加 删除 创建 修改 验证 启用
      禁用 配置 分配 续订 重置 下载 上传 联系 等待 比较 记下 复制`),
    ui: split(`仪表板 设置 用户 健康 账单 服务 安全 存储 邮件 会议 文件 设备 报告 许可证
      域名 策略 高级 常规`),
    spaced: false,
    stop: "。",
    comma: "，",
    question: "？",
  },
};

const authors = [
  "Lena Hoffmann",
  "Marco Bianchi",
  "Jonas Weber",
  "Giulia Rossi",
  "Wang Fang",
  "Sarah Miller",
  "Li Wei",
  "Tobias Schmid",
];

const labels: Readonly<Record<Locale, { faq: string; see: string }>> = {
  en: { faq: "Questions and answers", see: "See also" },
  de: { faq: "Fragen und Antworten", see: "Siehe auch" },
  it: { faq: "Domande e risposte", see: "Vedi anche" },
  "zh-cn": { faq: "问题与解答", see: "另请参阅" },
};

// ---------------------------------------------------------------------------
// Text

const capitalise = (word: string) => word.charAt(0).toUpperCase() + word.slice(1);

class Writer {
  words = 0;
  constructor(
    private readonly rnd: Random,
    private readonly vocab: Vocabulary,
  ) {}

  private join(tokens: string[]): string {
    return tokens.join(this.vocab.spaced ? " " : "");
  }

  /** `count` words of pseudo-prose, without final punctuation. */
  phrase(count: number): string {
    const tokens: string[] = [];
    for (let i = 0; i < count; i++) {
      const useFunction = i > 0 && this.rnd() < 0.38;
      tokens.push(
        useFunction
          ? pick(this.rnd, this.vocab.function)
          : pickSkewed(this.rnd, this.vocab.content),
      );
      if (i > 2 && i < count - 2 && this.rnd() < 0.08)
        tokens[tokens.length - 1] += this.vocab.comma;
    }
    this.words += count;
    return this.join(tokens);
  }

  sentence(min = 7, max = 16, extra?: string): string {
    let text = this.phrase(int(this.rnd, min, max));
    if (extra) {
      text += `${this.vocab.spaced ? " " : ""}${extra}`;
      this.words += 1;
    }
    return `${this.vocab.spaced ? capitalise(text) : text}${this.vocab.stop}`;
  }

  paragraph(extra?: string): string {
    const count = int(this.rnd, 3, 6);
    const withExtra = extra ? int(this.rnd, 0, count - 1) : -1;
    const sentences: string[] = [];
    for (let i = 0; i < count; i++) {
      sentences.push(this.sentence(7, 16, i === withExtra ? extra : undefined));
    }
    return sentences.join(this.vocab.spaced ? " " : "");
  }

  /** A short heading or title: verb plus a few content words. */
  heading(min = 2, max = 4): string {
    const verb = pick(this.rnd, this.vocab.verbs);
    this.words += 1;
    const rest = this.phrase(int(this.rnd, min, max)).replaceAll(this.vocab.comma, "");
    const text = this.join([verb, rest]);
    return this.vocab.spaced ? capitalise(text) : text;
  }

  uiPath(): string {
    const count = int(this.rnd, 2, 3);
    const items = Array.from({ length: count }, () => pick(this.rnd, this.vocab.ui));
    this.words += count;
    return `<UiPath path="${items.join(" > ")}" />`;
  }

  step(): string {
    const verb = pick(this.rnd, this.vocab.verbs);
    this.words += 1;
    const sep = this.vocab.spaced ? " " : "";
    const start = this.vocab.spaced ? capitalise(verb) : verb;
    const middle = this.rnd() < 0.3 ? `${sep}${this.uiPath()}${sep}` : sep;
    return `${start}${middle}${this.phrase(int(this.rnd, 4, 10))}${this.vocab.stop}`;
  }
}

interface ArticleMeta {
  readonly slug: string;
  readonly updated: string;
  readonly type: (typeof articleTypes)[number];
  readonly category: (typeof categoryIds)[number];
  readonly services: readonly string[];
  readonly related: readonly string[];
  readonly marked: boolean;
}

function articleMeta(index: number, n: number, rnd: Random): ArticleMeta {
  const serviceIds = defaultServices.map((s) => s.id);
  const services = serviceIds.filter(() => rnd() < 0.25);
  if (services.length === 0) services.push(pick(rnd, serviceIds));
  const day = new Date(Date.UTC(2025, 0, 1) + int(rnd, 0, 680) * 86_400_000);
  const related: string[] = [];
  if (n > 2) {
    while (related.length < 2) {
      const other = int(rnd, 0, n - 1);
      const slug = slugOf(other);
      if (other !== index && !related.includes(slug)) related.push(slug);
    }
  } else if (n === 2) {
    related.push(slugOf(1 - index));
  }
  return {
    slug: slugOf(index),
    updated: day.toISOString().slice(0, 10),
    type: articleTypes[index % articleTypes.length] as ArticleMeta["type"],
    category: categoryIds[index % categoryIds.length] as ArticleMeta["category"],
    services,
    related,
    marked: index % markerEvery === 3 % markerEvery,
  };
}

const slugWords = split(`mail files meetings identity billing storage network sign-in
  health update licence backup sync portal device calendar`);
function slugOf(index: number): string {
  const a = slugWords[index % slugWords.length];
  const b = slugWords[Math.floor(index / slugWords.length) % slugWords.length];
  return `bench-${String(index).padStart(5, "0")}-${a}-${b}`;
}

interface Rendered {
  readonly text: string;
  readonly title: string;
  readonly words: number;
}

function renderArticle(
  meta: ArticleMeta,
  locale: Locale,
  titleOf: (slug: string) => string,
  seed: number,
  index: number,
): Rendered {
  const rnd = prng(seed * 7919 + index * 31 + locales.indexOf(locale) * 1_000_003);
  const vocab = vocabularies[locale];
  const w = new Writer(rnd, vocab);
  let title = w.heading(3, 6);
  while (title.length > 110) title = w.heading(3, 5);
  const [dMin, dMax] = vocab.spaced ? [12, 24] : [20, 32];
  let description = w.sentence(dMin, dMax);
  while (description.length < 30 || description.length > 280) description = w.sentence(dMin, dMax);
  w.words = 0; // count the body only

  const target = int(rnd, 410, 620);
  const sectionCount = int(rnd, 3, 5);
  const marker = meta.marked ? markerWords[locale] : undefined;
  const stepsIn = int(rnd, 0, sectionCount - 1);
  const noteIn = int(rnd, 0, sectionCount - 1);
  const markerIn = int(rnd, -1, sectionCount - 1); // -1: the introduction
  const sep = vocab.spaced ? " " : "";

  const parts: string[] = [w.paragraph(markerIn === -1 ? marker : undefined)];
  for (let s = 0; s < sectionCount; s++) {
    parts.push(`## ${w.heading()}`);
    parts.push(w.paragraph(markerIn === s ? marker : undefined));
    if (s === stepsIn) {
      const steps = Array.from({ length: int(rnd, 3, 6) }, (_, i) => `${i + 1}. ${w.step()}`);
      parts.push(`<Steps>\n\n${steps.join("\n")}\n\n</Steps>`);
    }
    if (s === noteIn) parts.push(`<Note>\n${w.sentence()}${sep}${w.sentence()}\n</Note>`);
    if (s === 0 && meta.related[0]) {
      const target = meta.related[0];
      parts.push(
        `${w.sentence()}${sep}${labels[locale].see}: [${titleOf(target)}](/${locale}/articles/${target}/)`,
      );
    }
    // Spread what is left of the target over the remaining sections.
    const left = sectionCount - s - 1;
    const budget = left > 0 ? (target - w.words) / (left + 1) : target - w.words;
    let added = 0;
    while (added < budget - 40) {
      const before = w.words;
      parts.push(w.paragraph());
      added += w.words - before;
    }
  }
  if (meta.type === "faq") {
    parts.push(`## ${labels[locale].faq}`);
    for (let q = 0; q < 2; q++) {
      const question = `${w.phrase(int(rnd, 5, 9)).replaceAll(vocab.comma, "")}${vocab.question}`;
      const asked = vocab.spaced ? capitalise(question) : question;
      parts.push(`<FaqItem question="${asked}">\n${w.sentence()}\n</FaqItem>`);
    }
  }

  const lines = [
    "---",
    `title: ${JSON.stringify(title)}`,
    `description: ${JSON.stringify(description)}`,
    `type: ${meta.type}`,
    `category: ${meta.category}`,
    "services:",
    ...meta.services.map((s) => `  - ${s}`),
    "appliesTo:",
    "  - operator-cloud",
    `updated: ${meta.updated}`,
    `author: ${authors[index % authors.length]}`,
  ];
  if (locale !== "en") lines.push("translation: machine", `translatedFrom: "${meta.updated}"`);
  if (meta.related.length > 0) lines.push("related:", ...meta.related.map((r) => `  - ${r}`));
  lines.push("---", "", parts.join("\n\n"), "");
  return { text: lines.join("\n"), title, words: w.words };
}

/** Titles are needed before bodies (for links), so render each language in two passes. */
export function generateArticles(options: GenerateOptions): GeneratedCorpus {
  const { n, dir } = options;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(n) || n < 1) throw new Error(`n must be a positive integer, got ${n}`);
  const metaRnd = prng(seed);
  const metas = Array.from({ length: n }, (_, i) => articleMeta(i, n, metaRnd));
  let files = 0;
  let bytes = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = 0;
  let total = 0;
  for (const locale of locales) {
    const localeDir = join(dir, locale);
    mkdirSync(localeDir, { recursive: true });
    const noTitles = () => "";
    const titles = new Map(
      metas.map((meta, i) => [meta.slug, renderArticle(meta, locale, noTitles, seed, i).title]),
    );
    metas.forEach((meta, i) => {
      const article = renderArticle(meta, locale, (s) => titles.get(s) ?? s, seed, i);
      writeFileSync(join(localeDir, `${meta.slug}.mdx`), article.text);
      files += 1;
      bytes += Buffer.byteLength(article.text);
      min = Math.min(min, article.words);
      max = Math.max(max, article.words);
      total += article.words;
    });
  }
  return {
    dir,
    articlesPerLocale: n,
    files,
    bytes,
    words: { min, max, mean: Math.round(total / files) },
    markerSlugs: metas.filter((m) => m.marked).map((m) => m.slug),
  };
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href;
if (isMain) {
  const { values } = parseArgs({
    options: {
      n: { type: "string", default: "100" },
      out: { type: "string" },
      seed: { type: "string", default: "1" },
    },
  });
  if (!values.out) {
    console.error("Usage: tsx bench/generate-articles.ts --n 100 --out <folder> [--seed 1]");
    process.exit(2);
  }
  const corpus = generateArticles({
    n: Number(values.n),
    dir: resolve(values.out),
    seed: Number(values.seed),
  });
  console.log(
    `Wrote ${corpus.files} articles (${corpus.articlesPerLocale} × ${locales.length} languages, ` +
      `${(corpus.bytes / 1e6).toFixed(1)} MB, ${corpus.words.min}–${corpus.words.max} words, ` +
      `mean ${corpus.words.mean}) to ${corpus.dir}; ` +
      `${corpus.markerSlugs.length} per language contain the marker words.`,
  );
}
