/**
 * The words of the synthetic articles (generate-articles.ts), per language.
 * Marker words (markerWords there) must not occur here, nor be formed by
 * joining neighbouring Chinese words, so a search for them finds exactly the
 * marked articles.
 */
import type { Locale } from "@frontline/core";

export interface Vocabulary {
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

export const split = (text: string) => text.trim().split(/\s+/);

export const vocabularies: Readonly<Record<Locale, Vocabulary>> = {
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

/** Headings and link words an article needs besides its prose. */
export const labels: Readonly<Record<Locale, { faq: string; see: string }>> = {
  en: { faq: "Questions and answers", see: "See also" },
  de: { faq: "Fragen und Antworten", see: "Siehe auch" },
  it: { faq: "Domande e risposte", see: "Vedi anche" },
  "zh-cn": { faq: "问题与解答", see: "另请参阅" },
};
