<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name></name>
    <message>
        <location filename="../../ui/operations/coding.py" line="+49"/>
        <source>Code {0} characters with {1}</source>
        <translation>用 {1} 编码 {0} 个字符</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Coded {0} characters with {1}</source>
        <translation>已用 {1} 编码 {0} 个字符</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Uncode {0} from {1} characters</source>
        <translation>从 {1} 个字符上移除代码 {0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Uncoded {0} from {1} characters</source>
        <translation>已从 {1} 个字符上移除代码 {0}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Remove coding {0}</source>
        <translation>移除编码：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove {0} codings</source>
        <translation>移除 {0} 处编码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>the coding no longer exists</source>
        <translation>该编码已不存在</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Removed {0}</source>
        <translation>已移除 {0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Edit coding memo</source>
        <translation>编辑编码备忘录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Saved the coding memo</source>
        <translation>已保存编码备忘录</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>In-vivo code</source>
        <translation>实境编码</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>In-vivo code {0}</source>
        <translation>实境编码 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coded {0} characters with the new code {1}</source>
        <translation>已用新代码 {1} 编码 {0} 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/operations/codebook.py" line="+46"/>
        <source>Add code {0}</source>
        <translation>添加代码 {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Added the code {0}</source>
        <translation>已添加代码 {0}</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Renamed {0} to {1}</source>
        <translation>已将 {0} 重命名为 {1}</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Changed the colour of {1}</source>
        <translation>已更改 {1} 的颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved the definition of {1}</source>
        <translation>已保存 {1} 的定义</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Saved the memo of {1}</source>
        <translation>已保存 {1} 的备忘录</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Move code {0}</source>
        <translation>移动代码 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Moved the code to {0}</source>
        <translation>已将代码移至 {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Merge {0} into {1}</source>
        <translation>将 {0} 合并到 {1}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Merged {0} into {1}</source>
        <translation>已将 {0} 合并到 {1}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete code {0}</source>
        <translation>删除代码 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Deleted the code {0} and {1} codings</source>
        <translation>已删除代码 {0} 及其 {1} 处编码</translation>
    </message>
    <message>
        <location filename="../../ui/operations/documents.py" line="+65"/>
        <source>Edit the memo of {0}</source>
        <translation>编辑 {0} 的备忘录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Rename document {0}</source>
        <translation>重命名文档 {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Saved the memo of {0}</source>
        <translation>已保存 {0} 的备忘录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Renamed the document to {0}</source>
        <translation>已将文档重命名为 {0}</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Delete document {0}</source>
        <translation>删除文档 {0}</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Deleted the document {0} and {1} codings</source>
        <translation>已删除文档 {0} 及其 {1} 处编码</translation>
    </message>
    <message>
        <location filename="../../ui/exchange_menu.py" line="+38"/>
        <source>{0} documents, {1} codes, {2} coders, {3} codings</source>
        <translation>{0} 个文档，{1} 个代码，{2} 名编码员，{3} 处编码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} codes were already there and were kept as they are</source>
        <translation>{0} 个代码已存在，保持原样</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Notes:</source>
        <translation>备注：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>… and {0} more</source>
        <translation>……另有 {0} 项</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="+91"/>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="+63"/>
        <source>unknown</source>
        <extracomment>(label, Python codec name); None = detect</extracomment>
        <translation>未知</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} bytes</source>
        <translation>{0} 字节</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0:.1f} KB ({1} bytes)</source>
        <translation>{0:.1f} KB（{1} 字节）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0:.1f} MB ({1} bytes)</source>
        <translation>{0:.1f} MB（{1} 字节）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Reading {0} ({1} of {2})</source>
        <translation>正在读取 {0}（第 {1} 个，共 {2} 个）</translation>
    </message>
    <message>
        <location line="+4"/>
        <location line="+39"/>
        <source>not imported: the import was cancelled</source>
        <translation>未导入：导入已取消</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>this format is not available: {0}</source>
        <translation>不支持此格式：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="+108"/>
        <source>You are now coding as {0}</source>
        <translation>您现在以 {0} 的身份编码</translation>
    </message>
    <message>
        <location line="+92"/>
        <source>Settings saved</source>
        <translation>设置已保存</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Se&amp;ttings…</source>
        <translation>设置(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Interface language and coder name</source>
        <translation>界面语言和编码员名称</translation>
    </message>
    <message>
        <location filename="../../ui/operations/consensus.py" line="+40"/>
        <source>Accept {0}&apos;s coding of {1} into consensus</source>
        <translation>将 {0} 对 {1} 的编码采纳为共识</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Accepted {0}&apos;s coding of {1} into the consensus</source>
        <translation>已将 {0} 对 {1} 的编码采纳为共识</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Code {0} characters with {1} for consensus</source>
        <translation>为共识用 {1} 编码 {0} 个字符</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coded {0} characters with {1} for the consensus</source>
        <translation>已为共识用 {1} 编码 {0} 个字符</translation>
    </message>
    <message>
        <location filename="../../ui/workshop_views.py" line="+50"/>
        <location line="+19"/>
        <source>undefined</source>
        <translation>无法计算</translation>
    </message>
    <message>
        <location line="-16"/>
        <source>Cannot be computed (0/0): there is nothing to compare here</source>
        <translation>无法计算（0/0）：此处没有可比较的内容</translation>
    </message>
    <message>
        <location filename="../../ui/matrix_panels.py" line="+258"/>
        <source>Passages carrying both</source>
        <translation>同时带有两个代码的片段</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+73"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="-72"/>
        <location line="+72"/>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <location line="-72"/>
        <source>Characters carrying both</source>
        <translation>同时带有两个代码的字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Jaccard (characters)</source>
        <translation>Jaccard 系数（按字符）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Heatmap</source>
        <translation>热力图</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Network</source>
        <translation>网络图</translation>
    </message>
    <message>
        <location line="+70"/>
        <source>Codings</source>
        <translation>编码数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coded characters</source>
        <translation>已编码字符数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% of the code&apos;s codings</source>
        <translation>占该代码编码数的百分比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>% of the column&apos;s documents</source>
        <translation>占该列文档数的百分比</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Bars</source>
        <translation>条形图</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>(no value)</source>
        <translation>（无取值）</translation>
    </message>
    <message>
        <location filename="../../ui/operations/autocode.py" line="+21"/>
        <source>the hit</source>
        <translation>命中的词句</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>its sentence</source>
        <translation>所在的句子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its paragraph</source>
        <translation>所在的段落</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Code {0} hits ({1}) with {2}</source>
        <translation>用 {2} 编码 {0} 个命中（{1}）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>every chosen hit is already coded with {0}</source>
        <translation>选中的每个命中都已用 {0} 编码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coded {0} hits ({1}) with {2}: {3} codings added, {4} already there</source>
        <translation>已用 {2} 编码 {0} 个命中（{1}）：新增 {3} 个编码，{4} 个此前已有</translation>
    </message>
    <message>
        <location filename="../../ui/words_controller.py" line="+66"/>
        <source>Concordance (keyword in context)</source>
        <translation>关键词语境（KWIC）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Word frequencies</source>
        <translation>词频</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Concordance…</source>
        <translation>关键词语境(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every hit of a word with its context; choose hits and code them (Ctrl+Shift+C)</source>
        <translation>列出词语的每个命中及其上下文；选择命中并编码（Ctrl+Shift+C）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Word frequencies…</source>
        <translation>词频(&amp;W)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word frequencies and the word cloud, per document, case, attribute, code or coder (Ctrl+Shift+W)</source>
        <translation>词频与词云，可按文档、个案、属性、代码或编码员统计（Ctrl+Shift+W）</translation>
    </message>
    <message>
        <location line="+105"/>
        <source>The codebook is empty: add a code first</source>
        <translation>代码本为空：请先添加代码</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Code the chosen hits with</source>
        <translation>用以下代码编码选中的命中</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <location line="+53"/>
        <source>{0} words are stop words now</source>
        <translation>{0} 个词已加入停用词</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} words are counted as “{1}” now</source>
        <translation>{0} 个词现在计为“{1}”</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Chinese stop words</source>
        <translation>中文停用词</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>One word a line. These words are not counted.</source>
        <translation>每行一个词。这些词不计入词频。</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>English stop words</source>
        <translation>英文停用词</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Synonyms</source>
        <translation>同义词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One line per word counted for others: HEAD: WORD, WORD (e.g. 党建: 党的建设, 党建工作).</source>
        <translation>每行一个主词及其同义词，格式为“主词：词，词”（例如 党建：党的建设，党建工作）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Project dictionary</source>
        <translation>项目词典</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>One word a line: the segmentation keeps these words whole. The codebook&apos;s names are in it; a code name taken out stays out.</source>
        <translation>每行一个词：分词时这些词保持完整。代码本中的代码名称已在其中；移除的代码名称不再加入。</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Save the word cloud</source>
        <translation>保存词云</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PNG pictures (*.png);;SVG drawings (*.svg)</source>
        <translation>PNG 图片 (*.png);;SVG 矢量图 (*.svg)</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0}: cannot be written ({1})</source>
        <translation>{0}：无法写入（{1}）</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+20"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Save the word frequencies</source>
        <translation>保存词频表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location filename="../../ui/workshop_views.py" line="+18"/>
        <source>No interval: fewer than two resamples gave a value (one document gives a point, not an interval)</source>
        <translation>没有区间：给出数值的重抽样少于两次（只有一篇文档时只有点估计，没有区间）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} % interval from {1} resamples of {2} documents</source>
        <translation>{0}% 区间，来自对 {2} 篇文档的 {1} 次重抽样</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>q (below the minimum) = {0:.3f}</source>
        <translation>q（低于最小值的概率）= {0:.3f}</translation>
    </message>
    <message>
        <location filename="../../ui/memo_actions.py" line="+54"/>
        <source>Memos</source>
        <translation>备忘录</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>&amp;Memos</source>
        <translation>备忘录(&amp;M)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every memo on documents, codes and codings: search them, go to one (Ctrl+Shift+O)</source>
        <translation>文档、代码和编码上的全部备忘录：搜索、跳转到所在位置（Ctrl+Shift+O）</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Document memo</source>
        <translation>文档备忘录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Memo on the document {0}</source>
        <translation>文档“{0}”的备忘录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Definition: {0}</source>
        <translation>定义：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code memo</source>
        <translation>代码备忘录</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Memo on the code {0}</source>
        <translation>代码“{0}”的备忘录</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Memo on the coding of {0} by {1} in {2}</source>
        <translation>{1} 在“{2}”中以 {0} 所做编码的备忘录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coding memo</source>
        <translation>编码备忘录</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>That coding no longer exists, so the memo was not saved. What you wrote:

{0}</source>
        <translation>这处编码已不存在，备忘录没有保存。您写的内容：

{0}</translation>
    </message>
    <message>
        <location filename="../../ui/operations/query.py" line="+22"/>
        <source>Save the query as the code {0}</source>
        <translation>将查询保存为代码 {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Coded {0} passages with the new code “{1}”</source>
        <translation>已用新代码“{1}”为 {0} 个片段编码</translation>
    </message>
</context>
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/help_menu.py" line="+64"/>
        <source>About Annotator</source>
        <translation>关于 Annotator</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Annotator {0}</source>
        <translation>Annotator {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Qualitative coding of texts: codebook, codings, memos, intercoder agreement, export to Excel and REFI-QDA.</source>
        <translation>文本的质性编码：编码本、编码、备忘录、编码员间一致性，导出到 Excel 和 REFI-QDA。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Free software under the MIT licence.</source>
        <translation>以 MIT 许可证发布的自由软件。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Python {0}, Qt {1}, PySide6 {2}</source>
        <translation>Python {0}，Qt {1}，PySide6 {2}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Licences of the bundled libraries:</source>
        <translation>随附库的许可证：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(the licence file is missing)</source>
        <translation>（缺少许可证文件）</translation>
    </message>
</context>
<context>
    <name>AgreementView</name>
    <message>
        <location filename="../../ui/agreement_view.py" line="+93"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+14"/>
        <source>Coders compared</source>
        <translation>参与比较的编码员</translation>
    </message>
    <message>
        <location line="-13"/>
        <location line="+19"/>
        <source>Percent agreement</source>
        <translation>百分比一致性</translation>
    </message>
    <message>
        <location line="-18"/>
        <source>Pooled Cohen&apos;s κ</source>
        <translation>合并 Cohen&apos;s κ 系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weighted Cohen&apos;s κ</source>
        <translation>加权 Cohen&apos;s κ 系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+18"/>
        <source>Krippendorff&apos;s α</source>
        <translation>Krippendorff&apos;s α 系数</translation>
    </message>
    <message>
        <location line="-17"/>
        <location line="+18"/>
        <source>Segment agreement</source>
        <translation>片段层面一致性</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Documents compared</source>
        <translation>参与比较的文档</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Both coded</source>
        <translation>两者均编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only first</source>
        <translation>仅第一位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Only second</source>
        <translation>仅第二位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Neither</source>
        <translation>均未编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cohen&apos;s κ</source>
        <translation>Cohen&apos;s κ 系数</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Coders present</source>
        <translation>在场的编码员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coders missing</source>
        <translation>缺失的编码员</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Two segments of a code match when their overlap covers at least this share of their union (segment agreement, as in MAXQDA)</source>
        <translation>同一代码的两个片段的重叠部分至少占其并集的这一比例时视为匹配（片段层面一致性，与 MAXQDA 相同）</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Export to Excel…</source>
        <translation>导出到 Excel…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Write the agreement workbook: every number with the counts behind it, and the disagreements</source>
        <translation>写出一致性工作簿：每个数值及其背后的计数，以及分歧</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Recalculate</source>
        <translation>重新计算</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Compute the agreement again</source>
        <translation>重新计算一致性</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Segment overlap threshold:</source>
        <translation>片段重叠阈值：</translation>
    </message>
    <message>
        <location line="+219"/>
        <source>Open a project first.</source>
        <translation>请先打开一个项目。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tick at least two coders to compare (merge participants&apos; copies first: Workshop → Merge projects…).</source>
        <translation>请勾选至少两名编码员进行比较（请先合并参与者副本：工作坊 → 合并项目…）。</translation>
    </message>
    <message>
        <location line="+154"/>
        <location line="+1"/>
        <source>Only {0}</source>
        <translation>仅 {0}</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Comparing {0} coders: {1}; {2} codes in {3} document(s). Choose a code to see it per document.</source>
        <translation>比较 {0} 名编码员：{1}；{3} 个文档中的 {2} 个代码。选择一个代码以按文档查看。</translation>
    </message>
    <message>
        <location line="+16"/>
        <location line="+107"/>
        <source>all {0}</source>
        <translation>全部 {0} 名</translation>
    </message>
    <message>
        <location line="-105"/>
        <location line="+108"/>
        <source>Per pair of coders: expand the row</source>
        <translation>按编码员两两比较：展开此行</translation>
    </message>
    <message>
        <location line="-43"/>
        <source>α is computed over all coders: see the code row</source>
        <translation>α 基于所有编码员计算：见代码所在行</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cannot be computed: neither coder has a segment of this code</source>
        <translation>无法计算：两名编码员都没有此代码的片段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>No document where both coders coded</source>
        <translation>没有两名编码员都编码过的文档</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Per document: {0}</source>
        <translation>按文档：{0}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Coded nothing in this document: left out here, not counted as disagreeing</source>
        <translation>在此文档中未做任何编码：此处不计入，不算作分歧</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>α is computed over all coders present</source>
        <translation>α 基于所有在场的编码员计算</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not compared: a coder is missing in this document</source>
        <translation>未比较：此文档中缺少一名编码员</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Cannot be computed: neither coder has a segment of this code here</source>
        <translation>无法计算：此处两名编码员都没有此代码的片段</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export agreement to Excel</source>
        <translation>将一致性导出到 Excel</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Exported the agreement to {0}</source>
        <translation>已将一致性导出到 {0}</translation>
    </message>
    <message>
        <location line="-735"/>
        <source>κ interval</source>
        <translation>κ 区间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>α interval</source>
        <translation>α 区间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Gwet&apos;s AC1</source>
        <translation>Gwet&apos;s AC1 系数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Brennan–Prediger</source>
        <translation>Brennan–Prediger 系数</translation>
    </message>
    <message>
        <location line="+49"/>
        <source>The coders to compare (at least two). The consensus coder and the demo&apos;s example coder are left out unless you tick them.</source>
        <extracomment>Up to this many pairs of coders (4 coders) a row shows them at once; with more (190 pairs at 20 coders) they are made when the row is expanded.</extracomment>
        <translation>要比较的编码员（至少两位）。共识编码员和示例项目的示例编码员默认不计入，勾选后才比较。</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Stop computing; the window stays as it is</source>
        <translation>停止计算；窗口保持原样</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>&amp;Coders to compare:</source>
        <translation>要比较的编码员(&amp;C)：</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>&amp;Intervals ({0} resamples)</source>
        <translation>区间（{0} 次重抽样）(&amp;I)</translation>
    </message>
    <message>
        <location line="-76"/>
        <source>Units compared</source>
        <translation>比较的单位数</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>95 % bootstrap intervals for κ and α, resampling documents (one document gives a point, not an interval)</source>
        <translation>κ 和 α 的 95% bootstrap 区间，按文档重抽样（只有一篇文档时只有点估计，没有区间）</translation>
    </message>
    <message>
        <location line="+80"/>
        <source>A methods paragraph with these numbers, for a report (select and copy)</source>
        <translation>含上述数值的方法段落，可用于报告（选中后复制）</translation>
    </message>
    <message>
        <location line="+19"/>
        <location line="+453"/>
        <source>Per document</source>
        <translation>按文档</translation>
    </message>
    <message>
        <location line="-452"/>
        <source>Methods paragraph</source>
        <translation>方法段落</translation>
    </message>
    <message>
        <location line="+65"/>
        <source>Left out unless you tick it</source>
        <translation>默认不计入，勾选后才比较</translation>
    </message>
    <message>
        <location line="+76"/>
        <source>Reading the codings and comparing the coders…</source>
        <translation>正在读取编码并比较编码员…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chance-corrected measures and intervals…</source>
        <translation>正在计算机遇校正系数和区间…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Writing the methods paragraph…</source>
        <translation>正在撰写方法段落…</translation>
    </message>
    <message>
        <location line="+85"/>
        <location line="+12"/>
        <source>Cancelled: the numbers shown are from before.</source>
        <translation>已取消：显示的仍是之前的数值。</translation>
    </message>
    <message>
        <location line="+171"/>
        <source>Tick “Intervals” to compute them</source>
        <translation>勾选“区间”后计算</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>κ intervals are for two coders: see α</source>
        <translation>κ 区间只用于两位编码员：请看 α</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Over all coders: see the code row</source>
        <translation>针对全部编码员：请看代码行</translation>
    </message>
    <message>
        <location line="+111"/>
        <source>Writing {0}…</source>
        <translation>正在写入 {0}…</translation>
    </message>
    <message>
        <location line="-705"/>
        <source>Characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters without whitespace</source>
        <translation>字符（不含空白）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sentences</source>
        <translation>句子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paragraphs</source>
        <translation>段落</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>What one unit of comparison is. Characters without whitespace (the default): layout and line breaks do not move the figures. Characters: every character, as NVivo counts. Sentences, paragraphs: a unit counts as coded when a coding covers any of it.</source>
        <translation>比较的单位是什么。字符（不含空白，默认）：排版和换行不影响结果。字符：每个字符都计入，与 NVivo 相同。句子、段落：编码覆盖其中任何部分，该单位即算已编码。</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Count documents &amp;nobody coded with a code</source>
        <translation>计入无人用该代码编码的文档(&amp;N)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Off (the default): a document where no coder used a code is left out of that code&apos;s figures, so uncoded documents do not raise κ. On: they count as agreement on “not coded”, as NVivo counts.</source>
        <translation>关闭（默认）：没有任何编码员使用某代码的文档不计入该代码的结果，未编码的文档不会抬高 κ。打开：这些文档算作在“未编码”上一致，与 NVivo 相同。</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&amp;Unit:</source>
        <translation>单位(&amp;U)：</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Units are the ones chosen on the left, as the line above the tables says. Percent agreement and Cohen&apos;s κ compare two coders per code on the units of each document (pooled: tables summed over documents; weighted: mean weighted by length). Krippendorff&apos;s α compares all coders present. A coder who coded nothing in a document is missing there, not disagreeing. “undefined” means 0/0: nothing to compare.</source>
        <translation>分析单位为左侧所选的单位，表格上方一行有说明。百分比一致性和 Cohen&apos;s κ 系数按代码比较两名编码员在每个文档各单位上的编码（合并：各文档的表格相加；加权：按长度加权的平均值）。Krippendorff&apos;s α 系数比较所有在场的编码员。在某文档中未做任何编码的编码员在该文档中视为缺失，而非分歧。“无法计算”表示 0/0：没有可比较的内容。</translation>
    </message>
</context>
<context>
    <name>AnalysisController</name>
    <message>
        <location filename="../../ui/analysis_controller.py" line="+50"/>
        <source>Cancelled; nothing was changed</source>
        <translation>已取消，未作任何更改</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Coding query</source>
        <translation>编码查询</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Co-occurrence</source>
        <translation>代码共现</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Crosstab</source>
        <translation>交叉表</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document portrait</source>
        <translation>文档画像</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases and attributes</source>
        <translation>案例与属性</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Analysis</source>
        <translation>分析</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Coding &amp;query…</source>
        <translation>编码查询(&amp;Q)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Combine codes (AND, OR, NOT, near, followed by) and retrieve the passages (Ctrl+Shift+Q)</source>
        <translation>组合代码（与、或、非、邻近、其后）并检索片段（Ctrl+Shift+Q）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code &amp;co-occurrence…</source>
        <translation>代码共现(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Which codes occur together: passages, documents, cases, Jaccard</source>
        <translation>哪些代码一同出现：片段、文档、案例、Jaccard 系数</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cross&amp;tab…</source>
        <translation>交叉表(&amp;T)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Codes by the values of an attribute, or by case</source>
        <translation>按属性值或按案例交叉统计代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document &amp;portrait…</source>
        <translation>文档画像(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where in the current document each code falls</source>
        <translation>各代码落在当前文档的哪些位置</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cases and attri&amp;butes…</source>
        <translation>案例与属性(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Group documents into cases; edit and import their attributes</source>
        <translation>把文档归入案例；编辑、导入它们的属性</translation>
    </message>
    <message>
        <location line="+67"/>
        <source>Open a document first</source>
        <translation>请先打开一个文档</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Drawing {0}…</source>
        <translation>正在绘制 {0}…</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="+42"/>
        <source>&amp;Analysis</source>
        <translation>分析(&amp;A)</translation>
    </message>
</context>
<context>
    <name>AttributeDialog</name>
    <message>
        <location filename="../../ui/cases_panel.py" line="+72"/>
        <source>New attribute</source>
        <translation>新建属性</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>One value per line, e.g.
城市
农村</source>
        <translation>每行一个取值，例如：
城市
农村</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Name:</source>
        <translation>名称(&amp;N)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Type:</source>
        <translation>类型(&amp;T)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Values:</source>
        <translation>取值(&amp;V)：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>An attribute of every document</source>
        <translation>每个文档都有的属性</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An attribute of every case</source>
        <translation>每个案例都有的属性</translation>
    </message>
</context>
<context>
    <name>BlindController</name>
    <message>
        <location filename="../../ui/blind_coding.py" line="+26"/>
        <source>&amp;Blind coding</source>
        <translation>盲编码(&amp;B)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every coder but you (the facilitator) sees only their own codings until you reveal everyone&apos;s</source>
        <translation>除您（主持人）之外，每位编码员只能看到自己的编码，直到您公开所有人的编码</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Blind coding</source>
        <translation>盲编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Switch blind coding on? Every coder but you ({0}, the facilitator) will see only their own codings, and no agreement, until you reveal them.</source>
        <translation>开启盲编码？除您（{0}，主持人）之外，每位编码员只能看到自己的编码，也看不到一致性结果，直到您公开所有人的编码。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Blind coding is on: the participants see only their own codings</source>
        <translation>盲编码已开启：参与者只能看到自己的编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reveal the codings</source>
        <translation>公开编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reveal everyone&apos;s codings to every coder? Blind coding ends.</source>
        <translation>向每位编码员公开所有人的编码？盲编码将结束。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Revealed: everyone sees everyone&apos;s codings</source>
        <translation>已公开：所有人都能看到所有人的编码</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Blind coding: only your codings are shown</source>
        <translation>盲编码：只显示您自己的编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The facilitator ({0}) reveals everyone&apos;s codings when the round is over.</source>
        <translation>本轮结束后，主持人（{0}）会公开所有人的编码。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blind coding on (you are the facilitator)</source>
        <translation>盲编码已开启（您是主持人）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The participants see only their own codings until you reveal them: Workshop → Blind coding.</source>
        <translation>在您公开之前，参与者只能看到自己的编码：工作坊 → 盲编码。</translation>
    </message>
</context>
<context>
    <name>CasesPanel</name>
    <message>
        <location filename="../../ui/cases_panel.py" line="-36"/>
        <source>text</source>
        <extracomment>the attribute types, for lupdate (``_type_name`` translates them when shown)</extracomment>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>number</source>
        <translation>数值</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>date</source>
        <translation>日期</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>category</source>
        <translation>类别</translation>
    </message>
    <message>
        <location line="+158"/>
        <source>New case…</source>
        <translation>新建案例…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add documents…</source>
        <translation>添加文档…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove documents…</source>
        <translation>移除文档…</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+220"/>
        <location line="+4"/>
        <source>Delete case</source>
        <translation>删除案例</translation>
    </message>
    <message>
        <location line="-208"/>
        <location line="+185"/>
        <location line="+10"/>
        <location line="+29"/>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <location line="-216"/>
        <source>of documents</source>
        <translation>文档的</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>of cases</source>
        <translation>案例的</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+112"/>
        <source>Attributes</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="-109"/>
        <source>New attribute…</source>
        <translation>新建属性…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import table…</source>
        <translation>导入表格…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export table…</source>
        <translation>导出表格…</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>{0} ({1} documents)</source>
        <translation>{0}（{1} 个文档）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Documents: {0}</source>
        <translation>文档：{0}</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Values: {0}</source>
        <translation>取值：{0}</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{0} of {1}: {2}</source>
        <translation>{1} 的{0}：{2}</translation>
    </message>
    <message>
        <location line="+37"/>
        <location line="+5"/>
        <source>New case</source>
        <translation>新建案例</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Name of the case:</source>
        <translation>案例名称：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Documents of {0}</source>
        <translation>{0} 的文档</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Made the case {0} with {1} documents</source>
        <translation>已新建案例 {0}，含 {1} 个文档</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Add documents to {0}</source>
        <translation>向 {0} 添加文档</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Added {0} documents to {1}</source>
        <translation>已向 {1} 添加 {0} 个文档</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Remove documents from {0}</source>
        <translation>从 {0} 移除文档</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Removed {0} documents from {1}</source>
        <translation>已从 {1} 移除 {0} 个文档</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Delete the case {0}? Its documents and their codings stay; its attribute values go.</source>
        <translation>删除案例 {0}？其文档及编码保留，其属性值将被删除。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Deleted the case {0}</source>
        <translation>已删除案例 {0}</translation>
    </message>
    <message>
        <location line="+41"/>
        <source>New attribute</source>
        <translation>新建属性</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Made the attribute {0}</source>
        <translation>已新建属性 {0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+16"/>
        <source>Import attributes</source>
        <translation>导入属性</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Tables (*.xlsx *.csv);;All files (*)</source>
        <translation>表格 (*.xlsx *.csv);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{0}: not imported, nothing was changed</source>
        <translation>{0}：未导入，未作任何更改</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Imported {0}: {1} values created, {2} changed</source>
        <translation>已导入 {0}：新增 {1} 个值，修改 {2} 个</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+5"/>
        <source>Export attributes</source>
        <translation>导出属性</translation>
    </message>
    <message>
        <location line="-3"/>
        <source>Tables (*.xlsx *.csv)</source>
        <translation>表格 (*.xlsx *.csv)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <location line="-305"/>
        <source>Code the selection to the case</source>
        <translation>将所选文本编码到案例</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The case holds the text selected in the document (a focus group&apos;s speaker and their turns)</source>
        <translation>案例包含文档中所选的文本（如焦点小组中的发言人及其发言）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Take the selection out</source>
        <translation>移出所选文本</translation>
    </message>
    <message>
        <location line="+63"/>
        <source>{0} ({1} documents, stretches in {2})</source>
        <translation>{0}（{1} 个文档，{2} 个文档中的片段）</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>Coded stretches: {0}</source>
        <translation>已编码片段：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} ×{1} ({2} characters)</source>
        <translation>{0} ×{1}（{2} 个字符）</translation>
    </message>
    <message>
        <location line="+138"/>
        <source>Select the text of the case in the document first</source>
        <translation>请先在文档中选择案例的文本</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Coded {0} characters of {1} to {2}</source>
        <translation>已将 {1} 的 {0} 个字符编码到 {2}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Took {0} characters of {1} out of {2}</source>
        <translation>已将 {1} 的 {0} 个字符移出 {2}</translation>
    </message>
</context>
<context>
    <name>ChartView</name>
    <message>
        <location filename="../../ui/chart_view.py" line="+54"/>
        <source>Run an analysis, then choose a chart.</source>
        <translation>先运行一项分析，再选择图表。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save as &amp;PNG…</source>
        <translation>另存为 PNG(&amp;P)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as S&amp;VG…</source>
        <translation>另存为 SVG(&amp;V)…</translation>
    </message>
    <message>
        <location line="+35"/>
        <source>PNG pictures (*.png)</source>
        <translation>PNG 图片 (*.png)</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>SVG pictures (*.svg)</source>
        <translation>SVG 图片 (*.svg)</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+7"/>
        <location line="+7"/>
        <source>Save the chart</source>
        <translation>保存图表</translation>
    </message>
    <message>
        <location line="-6"/>
        <location line="+5"/>
        <source>Saved {0}</source>
        <translation>已保存 {0}</translation>
    </message>
</context>
<context>
    <name>CodeChooser</name>
    <message>
        <location filename="../../ui/code_chooser.py" line="+41"/>
        <source>Type part of a code&apos;s name…</source>
        <translation>输入代码名称的一部分…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>No code contains these words</source>
        <translation>没有包含这些字词的代码</translation>
    </message>
</context>
<context>
    <name>CodebookTree</name>
    <message>
        <location filename="../../ui/codebook_view.py" line="+41"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+11"/>
        <source>Codings</source>
        <translation>编码数</translation>
    </message>
    <message>
        <location line="-11"/>
        <location line="+14"/>
        <source>Key</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="-12"/>
        <source>Codings of this code; for a parent, its own and (in brackets) with its subcodes</source>
        <translation>此代码的编码数；父代码显示自身的编码数，括号内为连同子代码的编码数</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+121"/>
        <source>{0} ({1})</source>
        <translation>{0}（{1}）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} codings of its own, {1} with its subcodes</source>
        <translation>自身 {0} 处编码，连同子代码共 {1} 处</translation>
    </message>
    <message>
        <location line="-132"/>
        <source>Number key that assigns this code</source>
        <translation>分配此代码的数字键</translation>
    </message>
</context>
<context>
    <name>CoderNameDialog</name>
    <message>
        <location filename="../../ui/welcome.py" line="+128"/>
        <source>Your coder name</source>
        <translation>您的编码员名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every coding records who made it, so that the codings of several coders can be compared and merged. Under which name do you code?</source>
        <translation>每处编码都会记录编码员，以便比较与合并多名编码员的编码。您以什么名称编码？</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>You can change it later in Settings or with the coder button in the status bar.</source>
        <translation>之后可以在“设置”中或通过状态栏中的编码员按钮更改。</translation>
    </message>
</context>
<context>
    <name>CodingsHere</name>
    <message>
        <location filename="../../ui/panels.py" line="+39"/>
        <source>Codings here</source>
        <translation>此处的编码</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the chosen coding from this passage</source>
        <translation>从这段文字上移除选中的编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memo…</source>
        <translation>备忘录…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a memo on the chosen coding</source>
        <translation>为选中的编码撰写备忘录</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Codings here: {0}</source>
        <translation>此处的编码：{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Codings here: click inside a coded passage</source>
        <translation>此处的编码：请点击已编码的段落</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Codings in the selection: {0}</source>
        <translation>所选文本中的编码：{0}</translation>
    </message>
</context>
<context>
    <name>Commands</name>
    <message>
        <location filename="../../ui/operations/codebook.py" line="-80"/>
        <source>Rename code {0}</source>
        <translation>重命名代码 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change the colour of {0}</source>
        <translation>更改 {0} 的颜色</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the definition of {0}</source>
        <translation>编辑 {0} 的定义</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Edit the memo of {0}</source>
        <translation>编辑 {0} 的备忘录</translation>
    </message>
</context>
<context>
    <name>ConcordancePanel</name>
    <message>
        <location filename="../../ui/concordance_panel.py" line="+187"/>
        <source>Word, phrase or regular expression…</source>
        <translation>词语、短语或正则表达式…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Whole wo&amp;rds</source>
        <translation>整词匹配(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Only hits that are whole words of the segmentation (信任 not inside 政治信任 when that is one word); without it every occurrence counts, 不信任 too</source>
        <translation>只保留分词结果中的整词命中（“政治信任”为一个词时，其中的“信任”不算）；不勾选时每次出现都算，包括“不信任”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Regular e&amp;xpression</source>
        <translation>正则表达式(&amp;X)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Ignore case</source>
        <translation>忽略大小写(&amp;I)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Search</source>
        <translation>检索(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>Chec&amp;k all</source>
        <translation>全部勾选(&amp;K)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check &amp;none</source>
        <translation>全部取消(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Check se&amp;lected</source>
        <translation>勾选选中行(&amp;L)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the hits selected in the list (Shift+click or Ctrl+click to select rows)</source>
        <translation>勾选列表中选中的命中（按住 Shift 或 Ctrl 单击可选择多行）</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Code</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>with</source>
        <translation>使用</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Choose the code (type part of its name)</source>
        <translation>选择代码（输入名称的一部分）</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>the hit</source>
        <translation>命中的词句</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>its sentence</source>
        <translation>所在的句子</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>its paragraph</source>
        <translation>所在的段落</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>All documents</source>
        <translation>所有文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This document</source>
        <translation>当前文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Chosen documents ({0})…</source>
        <translation>选定的文档（{0} 个）…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose documents…</source>
        <translation>选择文档…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Case: {0}</source>
        <translation>个案：{0}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Choose a code…</source>
        <translation>选择代码…</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Code {0} chosen hits</source>
        <translation>编码 {0} 个勾选的命中</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} hits, {1} chosen</source>
        <translation>{0} 个命中，已勾选 {1} 个</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>(only the first {0})</source>
        <translation>（只显示前 {0} 个）</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Type a word to search for</source>
        <translation>请输入要检索的词语</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Searching…</source>
        <translation>正在检索…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Searching… {0} hits</source>
        <translation>正在检索… 已找到 {0} 个命中</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>“{0}” is not there</source>
        <translation>没有找到“{0}”</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>(stopped)</source>
        <translation>（已停止）</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Sorting…</source>
        <translation>正在排序…</translation>
    </message>
    <message>
        <location line="-294"/>
        <source>S&amp;ynonyms</source>
        <translation>同义词(&amp;Y)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Find the words merged with this one in the word lists (its synonyms) too</source>
        <translation>同时查找词表中与此词合并的词（同义词）</translation>
    </message>
    <message>
        <location line="+124"/>
        <source>{0} = {1}</source>
        <translation>{0} = {1}</translation>
    </message>
</context>
<context>
    <name>CrosstabPanel</name>
    <message>
        <location filename="../../ui/matrix_panels.py" line="-23"/>
        <source>Codes by</source>
        <translation>代码 ×</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>attribute {0}</source>
        <translation>属性 {0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>cases</source>
        <translation>案例</translation>
    </message>
</context>
<context>
    <name>DisagreementsView</name>
    <message>
        <location filename="../../ui/disagreements_view.py" line="+163"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coded by</source>
        <translation>编码员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not coded by</source>
        <translation>未编码的编码员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Span</source>
        <translation>范围</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters</source>
        <translation>字符数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing</source>
        <translation>缺失</translation>
    </message>
    <message>
        <location line="+54"/>
        <source>Code this span for consensus</source>
        <translation>为共识编码此片段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code exactly the chosen span with its code for the consensus coder ({0})</source>
        <translation>以共识编码员（{0}）的名义，用其代码准确编码选中的片段</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Refresh</source>
        <translation>刷新</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List the disagreements again</source>
        <translation>重新列出分歧</translation>
    </message>
    <message>
        <location line="+61"/>
        <source>Open a project first.</source>
        <translation>请先打开一个项目。</translation>
    </message>
    <message>
        <location line="-157"/>
        <source>Characters {0} to {1} of the document</source>
        <translation>文档的第 {0} 至 {1} 个字符</translation>
    </message>
    <message>
        <location line="+222"/>
        <source>No disagreements: either the coders agree everywhere or fewer than two coders coded the same documents (merge participants&apos; copies first).</source>
        <translation>没有分歧：要么编码员处处一致，要么对同一文档编码的编码员少于两名（请先合并参与者副本）。</translation>
    </message>
    <message>
        <location line="+77"/>
        <source>Accept {0}&apos;s coding into consensus</source>
        <translation>将 {0} 的编码采纳为共识</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code {0}&apos;s whole coding of {1} ({2}–{3}) for the consensus coder</source>
        <translation>以共识编码员的名义编码 {0} 对 {1} 的完整编码（{2}–{3}）</translation>
    </message>
    <message>
        <location line="-266"/>
        <source>Consensus</source>
        <translation>共识</translation>
    </message>
    <message>
        <location line="+46"/>
        <source>&amp;Hide settled</source>
        <translation>隐藏已解决(&amp;H)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Leave out the disagreements the consensus coder has coded</source>
        <translation>不显示共识编码员已编码的分歧</translation>
    </message>
    <message>
        <location line="+131"/>
        <source>{0} disagreements between {1}, {2} settled. Click one to see it in the document; then accept a coder&apos;s coding into the consensus or code the span for consensus (both can be undone).</source>
        <translation>{1} 之间有 {0} 处分歧，已解决 {2} 处。点击一处即可在文档中查看；然后将某位编码员的编码采纳为共识，或为共识编码这段文本（都可以撤销）。</translation>
    </message>
    <message>
        <location line="-232"/>
        <source>✓ settled</source>
        <translation>✓ 已解决</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>The consensus coder ({0}) has coded this code here</source>
        <translation>共识编码员（{0}）已在此处编码了这个代码</translation>
    </message>
</context>
<context>
    <name>DocumentProperties</name>
    <message>
        <location filename="../../ui/import_dialogs.py" line="+101"/>
        <source>Properties of {0}</source>
        <translation>{0} 的属性</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Source file</source>
        <translation>源文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <location line="+2"/>
        <source>(unknown)</source>
        <translation>（未知）</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>File size</source>
        <translation>文件大小</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detected text encoding</source>
        <translation>检测到的文本编码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>(not a text file)</source>
        <translation>（不是文本文件）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Imported</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters</source>
        <translation>字符数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>SHA-256 of the text</source>
        <translation>文本的 SHA-256</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Identifies the same text across participants&apos; copies when merging</source>
        <translation>合并时用于在参与者副本之间识别相同的文本</translation>
    </message>
</context>
<context>
    <name>DocumentView</name>
    <message>
        <location filename="../../ui/document_view.py" line="+509"/>
        <source>{0} — {1} ({2} characters)</source>
        <translation>{0} — {1}（{2} 个字符）</translation>
    </message>
</context>
<context>
    <name>DocumentsChooser</name>
    <message>
        <location filename="../../ui/concordance_panel.py" line="+193"/>
        <source>Documents to search</source>
        <translation>要检索的文档</translation>
    </message>
</context>
<context>
    <name>ExchangeUI</name>
    <message>
        <location filename="../../ui/exchange_menu.py" line="+14"/>
        <source>Import code&amp;book (.qdc)…</source>
        <translation>导入编码本（.qdc）(&amp;B)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add the codes of a REFI-QDA codebook file (from NVivo, ATLAS.ti, MAXQDA…) to this project&apos;s codebook</source>
        <translation>将 REFI-QDA 编码本文件（来自 NVivo、ATLAS.ti、MAXQDA 等）中的代码添加到本项目的编码本</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>New project from RE&amp;FI-QDA (.qdpx)…</source>
        <translation>从 REFI-QDA 新建项目（.qdpx）(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a project from a REFI-QDA project exported by NVivo, ATLAS.ti, MAXQDA or QualCoder</source>
        <translation>从 NVivo、ATLAS.ti、MAXQDA 或 QualCoder 导出的 REFI-QDA 项目创建项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Project (.qdpx)…</source>
        <translation>项目（.qdpx）(&amp;P)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export documents, codebook, coders, codings, cases and attributes as a REFI-QDA project; offsets count code points, as the standard says (ATLAS.ti, MAXQDA, QualCoder)</source>
        <translation>将文档、编码本、编码员、编码、个案和属性导出为 REFI-QDA 项目；位置按码位计数，符合标准（ATLAS.ti、MAXQDA、QualCoder）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Project for &amp;NVivo (.qdpx)…</source>
        <translation>供 NVivo 使用的项目（.qdpx）(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The same project, with offsets in UTF-16 units as NVivo counts them: after an emoji or a rare ideograph (𠮷) NVivo&apos;s positions are one higher. Other programs should get the standard project</source>
        <translation>同一项目，但位置按 UTF-16 码元计数，与 NVivo 的计数方式一致：在表情符号或生僻字（𠮷）之后，NVivo 的位置要多一。其他程序请使用标准项目</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Codebook (.qdc)…</source>
        <translation>编码本（.qdc）(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export the codebook as a REFI-QDA codebook file</source>
        <translation>将编码本导出为 REFI-QDA 编码本文件</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export to REFI-Q&amp;DA</source>
        <translation>导出到 REFI-QDA(&amp;D)</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+11"/>
        <source>Import codebook</source>
        <translation>导入编码本</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>REFI-QDA codebooks (*.qdc);;All files (*)</source>
        <translation>REFI-QDA 编码本 (*.qdc);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Imported {0} codes from {1}</source>
        <translation>已从 {1} 导入 {0} 个代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported the codebook {0}.</source>
        <translation>已导入编码本 {0}。</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This cannot be undone.</source>
        <translation>此操作无法撤销。</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+31"/>
        <source>New project from REFI-QDA</source>
        <translation>从 REFI-QDA 新建项目</translation>
    </message>
    <message>
        <location line="-30"/>
        <source>REFI-QDA projects (*.qdpx);;All files (*)</source>
        <translation>REFI-QDA 项目 (*.qdpx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the new project as</source>
        <translation>新项目另存为</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotator projects (*{0})</source>
        <translation>Annotator 项目 (*{0})</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} already exists; choose another name</source>
        <translation>{0} 已存在，请另选名称</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reading {0}…</source>
        <translation>正在读取 {0}…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Created {0} from {1}</source>
        <translation>已从 {1} 创建 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Created {0} from {1}.</source>
        <translation>已从 {1} 创建 {0}。</translation>
    </message>
    <message>
        <location line="+18"/>
        <location line="+5"/>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Export REFI-QDA project</source>
        <translation>导出 REFI-QDA 项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+4"/>
        <source>REFI-QDA projects (*.qdpx)</source>
        <translation>REFI-QDA 项目 (*.qdpx)</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Export REFI-QDA project for NVivo (UTF-16 offsets)</source>
        <translation>为 NVivo 导出 REFI-QDA 项目（UTF-16 位置）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Export REFI-QDA codebook</source>
        <translation>导出 REFI-QDA 编码本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>REFI-QDA codebooks (*.qdc)</source>
        <translation>REFI-QDA 编码本 (*.qdc)</translation>
    </message>
</context>
<context>
    <name>FindBar</name>
    <message>
        <location filename="../../ui/panels.py" line="+51"/>
        <source>Find in the document…</source>
        <translation>在文档中查找…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Previous hit (Shift+F3)</source>
        <translation>上一个匹配项（Shift+F3）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Next hit (F3)</source>
        <translation>下一个匹配项（F3）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List all hits</source>
        <translation>列出所有匹配项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the hits in every document (Ctrl+Shift+F)</source>
        <translation>列出所有文档中的匹配项（Ctrl+Shift+F）</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Close the find bar (Esc)</source>
        <translation>关闭查找栏（Esc）</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Concordance…</source>
        <translation>关键词语境…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Every hit with its context: choose the hits, the code and how much to code (the hit, its sentence, its paragraph), then code them in one step (Ctrl+Shift+C)</source>
        <translation>列出每个命中及其上下文：选择命中、代码和编码范围（命中的词句、所在句子、所在段落），再一步完成编码（Ctrl+Shift+C）</translation>
    </message>
</context>
<context>
    <name>GuideDialog</name>
    <message>
        <location filename="../../ui/help_menu.py" line="-89"/>
        <source>Annotator user guide</source>
        <translation>Annotator 用户指南</translation>
    </message>
</context>
<context>
    <name>HelpController</name>
    <message>
        <location line="+110"/>
        <source>&amp;User guide</source>
        <translation>用户指南(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>How to code with Annotator, step by step (F1)</source>
        <translation>一步步学习如何用 Annotator 编码（F1）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Keyboard shortcuts</source>
        <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every keyboard shortcut of the window (Ctrl+/)</source>
        <translation>窗口的全部键盘快捷键（Ctrl+/）</translation>
    </message>
</context>
<context>
    <name>HitsModel</name>
    <message>
        <location filename="../../ui/concordance_panel.py" line="-445"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Left context</source>
        <translation>左侧语境</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hit</source>
        <translation>命中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Right context</source>
        <translation>右侧语境</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>{0}, characters {1}–{2}</source>
        <translation>{0}，第 {1}–{2} 个字符</translation>
    </message>
</context>
<context>
    <name>ImportDialogs</name>
    <message>
        <location filename="../../ui/operations/documents.py" line="-64"/>
        <source>Import {0} documents</source>
        <translation>导入 {0} 个文档</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Imported {0} documents, refused {1}</source>
        <translation>已导入 {0} 个文档，拒绝 {1} 个</translation>
    </message>
</context>
<context>
    <name>ImportPreviewDialog</name>
    <message>
        <location filename="../../ui/cases_panel.py" line="-353"/>
        <source>Import attributes: {0}</source>
        <translation>导入属性：{0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0} problems: the table cannot be imported until they are fixed. Nothing has been changed.</source>
        <translation>{0} 个问题：改正之前无法导入此表格。未作任何更改。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>New attributes: {0}</source>
        <translation>新属性：{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New cases: {0}</source>
        <translation>新案例：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Values to create: {0}; to change: {1}; unchanged: {2}</source>
        <translation>将新增的值：{0}；将修改：{1}；不变：{2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Rows matching no document: {0}</source>
        <translation>没有对应文档的行：{0}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Attribute</source>
        <translation>属性</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Now</source>
        <translation>现值</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>After the import</source>
        <translation>导入后</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Problem</source>
        <translation>问题</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Import</source>
        <translation>导入</translation>
    </message>
</context>
<context>
    <name>ImportSummaryDialog</name>
    <message>
        <location filename="../../ui/import_dialogs.py" line="-90"/>
        <source>Import summary</source>
        <translation>导入摘要</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Imported {0} documents, refused {1} files.</source>
        <translation>已导入 {0} 个文档，拒绝 {1} 个文件。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Characters</source>
        <translation>字符数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detected text encoding</source>
        <translation>检测到的文本编码</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Format</source>
        <translation>格式</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From file</source>
        <translation>来源文件</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>(not a text file)</source>
        <translation>（不是文本文件）</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Why it was not imported</source>
        <translation>未导入的原因</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>imported, but: {0}</source>
        <translation>已导入，但：{0}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Imported:</source>
        <translation>已导入：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Refused, and why:</source>
        <translation>被拒绝的文件及原因：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Undo (Ctrl+Z) removes the imported documents again.</source>
        <translation>撤销（Ctrl+Z）会再次移除导入的文档。</translation>
    </message>
</context>
<context>
    <name>ImportUI</name>
    <message>
        <location line="+101"/>
        <source>Import text, Word, PDF, OpenDocument or web-page files as documents (the text encoding is detected)</source>
        <translation>将文本、Word、PDF、OpenDocument 或网页文件导入为文档（自动检测文本编码）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Import with te&amp;xt encoding</source>
        <translation>按文本编码导入(&amp;X)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{0}…</source>
        <translation>{0}…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import text files read as {0} (when detection guessed wrong)</source>
        <translation>按 {0} 读取并导入文本文件（当自动检测有误时）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Pr&amp;operties…</source>
        <translation>属性(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Where the document came from: file, size, format, text encoding, import time, SHA-256 (Alt+Enter)</source>
        <translation>文档的来源：文件、大小、格式、文本编码、导入时间、SHA-256（Alt+Enter）</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Documents ({0});;All files (*)</source>
        <translation>文档 ({0});;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Import documents</source>
        <translation>导入文档</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import documents read as {0}</source>
        <translation>按 {0} 读取并导入文档</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Importing {0} files…</source>
        <translation>正在导入 {0} 个文件…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Nothing was imported</source>
        <translation>未导入任何内容</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Choose a document first</source>
        <translation>请先选择一个文档</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Properties of {0}</source>
        <translation>{0} 的属性</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="+136"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Codebook</source>
        <translation>编码本</translation>
    </message>
    <message>
        <location filename="../../ui/overview.py" line="+408"/>
        <source>Overview</source>
        <translation>概览</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Overview</source>
        <translation>概览(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code frequencies and the code × document matrix (F9)</source>
        <translation>代码频次和代码-文档矩阵（F9）</translation>
    </message>
    <message>
        <location filename="../../ui/text_search.py" line="+35"/>
        <source>Search results</source>
        <translation>搜索结果</translation>
    </message>
    <message>
        <location filename="../../ui/project_lifecycle.py" line="+358"/>
        <source>Nothing to undo</source>
        <translation>没有可撤销的操作</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nothing to redo</source>
        <translation>没有可重做的操作</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Undo: {0} (Ctrl+Z)</source>
        <translation>撤销：{0}（Ctrl+Z）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo: {0} (Ctrl+Shift+Z)</source>
        <translation>重做：{0}（Ctrl+Shift+Z）</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="-24"/>
        <source>&amp;File</source>
        <extracomment>the menu bar: (menu id, translation context, title, entries); see ``actions.Registry``</extracomment>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Edit</source>
        <translation>编辑(&amp;E)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Document</source>
        <translation>文档(&amp;D)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Code</source>
        <translation>编码(&amp;C)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code&amp;book</source>
        <translation>编码本(&amp;B)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>C&amp;oders</source>
        <translation>编码员(&amp;O)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Main</source>
        <extracomment>the toolbar, left to right</extracomment>
        <translation>主工具栏</translation>
    </message>
    <message>
        <location filename="../../ui/context.py" line="+40"/>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
    <message>
        <location filename="../../ui/project_lifecycle.py" line="-307"/>
        <source>&amp;New project…</source>
        <translation>新建项目(&amp;N)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a project file with a codebook template</source>
        <translation>用编码本模板创建项目文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open project…</source>
        <translation>打开项目(&amp;O)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a project file</source>
        <translation>打开项目文件</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;team project…</source>
        <translation>打开团队项目(&amp;T)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a team project on a PostgreSQL server</source>
        <translation>打开 PostgreSQL 服务器上的团队项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New team pro&amp;ject…</source>
        <translation>新建团队项目(&amp;J)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Create a team project in an empty database on a PostgreSQL server</source>
        <translation>在 PostgreSQL 服务器上的空数据库中新建团队项目</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open de&amp;mo project</source>
        <translation>打开示例项目(&amp;M)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the demo project: a paper coded with the governance codebook</source>
        <translation>打开示例项目：一篇用治理编码本编码的论文</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save a copy…</source>
        <translation>另存副本(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a consistent copy of the project file</source>
        <translation>保存项目文件的一致副本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Close project</source>
        <translation>关闭项目(&amp;C)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close the project</source>
        <translation>关闭项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quit Annotator</source>
        <translation>退出 Annotator</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;recent</source>
        <translation>最近的项目(&amp;R)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>&amp;Undo</source>
        <translation>撤销(&amp;U)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo the last change</source>
        <translation>撤销上一次更改</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>重做(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Redo the change undone last</source>
        <translation>重做最近撤销的更改</translation>
    </message>
    <message>
        <location line="+59"/>
        <source>Opened {0}</source>
        <translation>已打开 {0}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Open team project</source>
        <translation>打开团队项目</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Opened the team project {0}</source>
        <translation>已打开团队项目 {0}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>New team project</source>
        <translation>新建团队项目</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Created the team project {0} with the codebook “{1}”</source>
        <translation>已新建团队项目 {0}，编码本为“{1}”</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Open project</source>
        <translation>打开项目</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Annotator projects (*{0});;All files (*)</source>
        <translation>Annotator 项目 (*{0});;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+6"/>
        <source>New project</source>
        <translation>新建项目</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Codebook to start with:</source>
        <translation>初始编码本：</translation>
    </message>
    <message>
        <location line="+6"/>
        <location line="+41"/>
        <source>Annotator projects (*{0})</source>
        <translation>Annotator 项目 (*{0})</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Save a copy</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved a copy as {0}</source>
        <translation>已将副本保存为 {0}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>(none yet)</source>
        <translation>（暂无）</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>{0} (team)</source>
        <translation>{0}（团队）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} on {1} (team)</source>
        <translation>{1} 上的 {0}（团队）</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="+66"/>
        <source>{0} characters</source>
        <translation>{0} 个字符</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>from {0}</source>
        <translation>来自 {0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Memo: {0}</source>
        <translation>备忘录：{0}</translation>
    </message>
    <message>
        <location filename="../../ui/coding_actions.py" line="+143"/>
        <location line="+1"/>
        <source>Coder: {0}</source>
        <translation>编码员：{0}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The current coder; click to switch</source>
        <translation>当前编码员；点击切换</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Showing everyone&apos;s codings</source>
        <translation>显示所有人的编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Showing only your codings</source>
        <translation>只显示您的编码</translation>
    </message>
    <message>
        <location filename="../../ui/project_lifecycle.py" line="-25"/>
        <source>Recent projects:</source>
        <translation>最近的项目：</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="+67"/>
        <source>{0} characters, {1} codings</source>
        <translation>{0} 个字符，{1} 处编码</translation>
    </message>
    <message>
        <location filename="../../ui/memo_actions.py" line="-92"/>
        <source>Document &amp;memo…</source>
        <translation>文档备忘录(&amp;M)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a memo on the document</source>
        <translation>为文档撰写备忘录</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="-103"/>
        <source>&amp;Rename document…</source>
        <translation>重命名文档(&amp;R)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename the document</source>
        <translation>重命名文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete document…</source>
        <translation>删除文档(&amp;D)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the document and its codings</source>
        <translation>删除文档及其编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Next document</source>
        <translation>下一个文档(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the next document</source>
        <translation>显示下一个文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Previous document</source>
        <translation>上一个文档(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show the previous document</source>
        <translation>显示上一个文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to documents</source>
        <translation>转到文档列表</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the keyboard focus to the document list</source>
        <translation>将键盘焦点移到文档列表</translation>
    </message>
    <message>
        <location line="+147"/>
        <source>Rename document</source>
        <translation>重命名文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New name:</source>
        <translation>新名称：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Delete document</source>
        <translation>删除文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the document “{0}” and its {1} codings? You can undo this.</source>
        <translation>删除文档“{0}”及其 {1} 处编码？此操作可以撤销。</translation>
    </message>
    <message>
        <location filename="../../ui/coding_actions.py" line="+11"/>
        <source>{0} characters selected</source>
        <translation>已选择 {0} 个字符</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Select some text in the document first</source>
        <translation>请先在文档中选择文本</translation>
    </message>
    <message>
        <location line="+29"/>
        <source>Code as {0}?</source>
        <translation>以 {0} 的身份编码？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0} has not coded in this project yet. Code as {0}?

No: choose another coder name.</source>
        <translation>{0} 尚未在本项目中编码。以 {0} 的身份编码吗？

选“否”可另选编码员名称。</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a code in the codebook first</source>
        <translation>请先在编码本中选择一个代码</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+16"/>
        <source>The codebook is empty: add a code first</source>
        <translation>编码本为空：请先添加代码</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+189"/>
        <source>Code with</source>
        <translation>编码为</translation>
    </message>
    <message>
        <location line="-188"/>
        <source>Code:</source>
        <translation>代码：</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>No code has the key {0}</source>
        <translation>没有代码对应数字键 {0}</translation>
    </message>
    <message>
        <location line="+48"/>
        <location line="+39"/>
        <source>{0}  {1}</source>
        <translation>{0}  {1}</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Number key</source>
        <translation>数字键</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Key for {0}:</source>
        <translation>{0} 的数字键：</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Key {0} codes with {1}</source>
        <translation>数字键 {0} 现在用 {1} 编码</translation>
    </message>
    <message>
        <location line="-244"/>
        <location line="+270"/>
        <source>Quick code {0}</source>
        <translation>快速编码 {0}</translation>
    </message>
    <message>
        <location line="-290"/>
        <source>&amp;Code with current code</source>
        <translation>用当前代码编码(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Code the selected text with the code chosen in the codebook (or double-click a code)</source>
        <translation>用编码本中选中的代码编码所选文本（或双击代码）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Code &amp;with…</source>
        <translation>编码为(&amp;W)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a code for the selected text</source>
        <translation>为所选文本选择代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;In-vivo code</source>
        <translation>实境编码(&amp;I)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Make a new code named from the selected words and code them</source>
        <translation>以所选词语命名新代码并对其编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Uncode selection…</source>
        <translation>取消所选文本的编码(&amp;U)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove a code of yours from the selected characters</source>
        <translation>从所选字符上移除您的某个代码</translation>
    </message>
    <message>
        <location filename="../../ui/memo_actions.py" line="+4"/>
        <source>Coding m&amp;emo…</source>
        <translation>编码备忘录(&amp;E)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Write a memo on the coding where the caret is</source>
        <translation>为光标所在处的编码撰写备忘录</translation>
    </message>
    <message>
        <location filename="../../ui/coding_actions.py" line="+2"/>
        <source>&amp;Remove coding here</source>
        <translation>移除此处的编码(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove the coding chosen under “Codings here” (the one where the caret is)</source>
        <translation>移除“此处的编码”中选中的编码（即光标所在处的编码）</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Code the selection with code number {0} of the quick list</source>
        <translation>用快速列表中的第 {0} 个代码编码所选文本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number keys: fixed codes</source>
        <translation>数字键：固定代码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Keys 1–9 keep their codes when codes are added or deleted (at first: the first nine of the tree)</source>
        <translation>添加或删除代码时，数字键 1–9 保持各自的代码（最初为代码树中的前九个代码）</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Number keys: recent codes</source>
        <translation>数字键：最近使用的代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keys 1–9 code with the codes used most recently</source>
        <translation>数字键 1–9 用最近使用的代码编码</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Quick codes</source>
        <translation>快速编码(&amp;Q)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Number &amp;key…</source>
        <translation>数字键(&amp;K)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the number key (1–9) that codes with the chosen code</source>
        <translation>为所选代码指定编码用的数字键（1–9）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Switch coder…</source>
        <translation>切换编码员(&amp;S)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code under another coder name</source>
        <translation>以另一个编码员名称编码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show &amp;other coders&apos; codings</source>
        <translation>显示其他编码员的编码(&amp;O)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Show or hide the codings of coders other than you</source>
        <translation>显示或隐藏其他编码员的编码</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Go to the text</source>
        <translation>转到正文</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the keyboard focus to the document text</source>
        <translation>将键盘焦点移到文档正文</translation>
    </message>
    <message>
        <location line="+261"/>
        <source>Nothing in the selection is coded by you</source>
        <translation>所选文本中没有您的编码</translation>
    </message>
    <message>
        <location line="+8"/>
        <location line="+60"/>
        <source>Uncode</source>
        <translation>取消编码</translation>
    </message>
    <message>
        <location line="-59"/>
        <source>Remove which code?</source>
        <translation>移除哪个代码？</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>Click inside a coded passage and choose a coding first</source>
        <translation>请先点击已编码的段落并选择一处编码</translation>
    </message>
    <message>
        <location filename="../../ui/memo_actions.py" line="+95"/>
        <source>Click inside a coded passage first</source>
        <translation>请先点击已编码的段落</translation>
    </message>
    <message>
        <location filename="../../ui/coding_actions.py" line="+14"/>
        <source>Code with {0}</source>
        <translation>用 {0} 编码</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Remove {0} ({1})</source>
        <translation>移除 {0}（{1}）</translation>
    </message>
    <message>
        <location filename="../../ui/memo_actions.py" line="+17"/>
        <source>Memo on {0}…</source>
        <translation>{0} 的备忘录…</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editing.py" line="+51"/>
        <source>&amp;Add code…</source>
        <translation>添加代码(&amp;A)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a code beside the chosen one (Insert)</source>
        <translation>在选中代码旁添加代码（Insert）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Add c&amp;hild code…</source>
        <translation>添加子代码(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Add a code under the chosen one (Ctrl+Insert)</source>
        <translation>在选中代码下添加子代码（Ctrl+Insert）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Rename code</source>
        <translation>重命名代码(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rename the chosen code in place (F2)</source>
        <translation>就地重命名选中的代码（F2）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;olour…</source>
        <translation>颜色(&amp;O)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose the colour of the chosen code</source>
        <translation>选择选中代码的颜色</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Definition…</source>
        <translation>定义(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Edit the definition of the chosen code</source>
        <translation>编辑选中代码的定义</translation>
    </message>
    <message>
        <location filename="../../ui/memo_actions.py" line="-117"/>
        <source>Code m&amp;emo…</source>
        <translation>代码备忘录(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write a memo on the chosen code</source>
        <translation>为选中的代码撰写备忘录</translation>
    </message>
    <message>
        <location filename="../../ui/codebook_editing.py" line="+2"/>
        <source>&amp;Merge into…</source>
        <translation>合并到(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge the chosen code into another: its codings follow</source>
        <translation>将选中的代码合并到另一个代码：其编码一并转移</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>De&amp;lete code…</source>
        <translation>删除代码(&amp;L)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete the chosen code with its codings (Delete)</source>
        <translation>删除选中的代码及其编码（Delete）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move &amp;up</source>
        <translation>上移(&amp;U)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the chosen code up among its siblings</source>
        <translation>在同级代码中上移选中的代码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the chosen code down among its siblings</source>
        <translation>在同级代码中下移选中的代码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Make &amp;child of the code above</source>
        <translation>设为上方代码的子代码(&amp;C)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the chosen code under its previous sibling</source>
        <translation>将选中的代码移到前一个同级代码之下</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move ou&amp;t of its parent</source>
        <translation>移出父代码(&amp;T)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move the chosen code up one level</source>
        <translation>将选中的代码上移一级</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>E&amp;xpand all</source>
        <translation>全部展开(&amp;X)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show every code</source>
        <translation>显示所有代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Colla&amp;pse all</source>
        <translation>全部折叠(&amp;P)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show only the top-level codes</source>
        <translation>只显示顶层代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the codebook</source>
        <translation>转到编码本</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the keyboard focus to the codebook</source>
        <translation>将键盘焦点移到编码本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to coded segments</source>
        <translation>转到编码片段</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Move the keyboard focus to the coded segments</source>
        <translation>将键盘焦点移到编码片段</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Add code</source>
        <translation>添加代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the new code:</source>
        <translation>新代码的名称：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Add child code</source>
        <translation>添加子代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name of the new code under {0}:</source>
        <translation>{0} 下新代码的名称：</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Colour of {0}</source>
        <translation>{0} 的颜色</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Definition</source>
        <translation>定义</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Definition of {0} (what belongs here, what does not):</source>
        <translation>{0} 的定义（哪些内容属于此代码，哪些不属于）：</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Merge code</source>
        <translation>合并代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge {0} into (its {1} codings move there):</source>
        <translation>将 {0} 合并到（其 {1} 处编码将移至该代码）：</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Delete the code “{0}”?</source>
        <translation>删除代码“{0}”？</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Its {0} child codes go with it.</source>
        <translation>其 {0} 个子代码将一并删除。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} codings will be removed. You can undo this (Ctrl+Z).</source>
        <translation>将移除 {0} 处编码。此操作可以撤销（Ctrl+Z）。</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Delete code</source>
        <translation>删除代码</translation>
    </message>
    <message>
        <location filename="../../ui/text_search.py" line="+19"/>
        <source>&amp;Find in document…</source>
        <translation>在文档中查找(&amp;F)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find words in the document</source>
        <translation>在文档中查找词语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;next</source>
        <translation>查找下一个(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the next hit</source>
        <translation>转到下一个匹配项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Find &amp;previous</source>
        <translation>查找上一个(&amp;P)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Go to the previous hit</source>
        <translation>转到上一个匹配项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Search all documents…</source>
        <translation>搜索所有文档(&amp;S)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>List the hits in every document</source>
        <translation>列出所有文档中的匹配项</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Search &amp;results</source>
        <translation>搜索结果(&amp;R)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show the list of search hits</source>
        <translation>显示搜索匹配项列表</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>no hits</source>
        <translation>无匹配项</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>“{0}” is not in this document</source>
        <translation>本文档中没有“{0}”</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} of {1}</source>
        <translation>第 {0} 个，共 {1} 个</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>{0} hits of “{1}” in {2} documents</source>
        <translation>在 {2} 个文档中找到 {0} 处“{1}”</translation>
    </message>
    <message>
        <location filename="../../ui/coding_actions.py" line="+14"/>
        <source>Switch coder</source>
        <translation>切换编码员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code as (pick a name or type a new one):</source>
        <translation>以此身份编码（选择一个名称或输入新名称）：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>You are now coding as {0}</source>
        <translation>您现在以 {0} 的身份编码</translation>
    </message>
    <message>
        <location filename="../../ui/excel_export.py" line="+31"/>
        <source>&amp;Export to Excel…</source>
        <translation>导出到 Excel(&amp;E)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export segments, codebook and matrix to an Excel workbook</source>
        <translation>将编码片段、编码本和矩阵导出为 Excel 工作簿</translation>
    </message>
    <message>
        <location line="+17"/>
        <location line="+9"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location line="-8"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exporting to {0}…</source>
        <translation>正在导出到 {0}…</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <location filename="../../ui/window_state.py" line="+63"/>
        <source>&amp;Larger text</source>
        <translation>放大文字(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the document text larger</source>
        <translation>放大文档文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Smaller text</source>
        <translation>缩小文字(&amp;S)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Make the document text smaller</source>
        <translation>缩小文档文字</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Normal text size</source>
        <translation>正常文字大小(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Reset the document text size</source>
        <translation>恢复文档文字的默认大小</translation>
    </message>
    <message>
        <location line="+103"/>
        <source>Text size {0} pt</source>
        <translation>文字大小 {0} 磅</translation>
    </message>
    <message>
        <location filename="../../ui/help_menu.py" line="+1"/>
        <source>&amp;About Annotator</source>
        <translation>关于 Annotator(&amp;A)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>About Annotator</source>
        <translation>关于 Annotator</translation>
    </message>
    <message>
        <location filename="../../ui/import_dialogs.py" line="-85"/>
        <source>&amp;Import documents…</source>
        <translation>导入文档(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/project_lifecycle.py" line="-82"/>
        <source>Created {0} with the codebook “{1}”</source>
        <translation>已用编码本“{1}”创建 {0}</translation>
    </message>
    <message>
        <location line="-102"/>
        <source>File → Salvage project… saves what is readable of it as a new project.</source>
        <translation>“文件 → 抢救项目…”可把其中仍可读取的内容保存为一个新项目。</translation>
    </message>
    <message>
        <location filename="../../ui/document_list.py" line="-87"/>
        <source>The text of this document is damaged and cannot be shown</source>
        <translation>此文档的文字已损坏，无法显示</translation>
    </message>
    <message>
        <location filename="../../ui/text_search.py" line="-4"/>
        <source>More than {0} hits of “{1}”: the first {0} are listed (in {2} documents); the concordance lists every hit</source>
        <translation>“{1}”超过 {0} 处：只列出前 {0} 处（在 {2} 个文档中）；关键词语境会列出每一处</translation>
    </message>
</context>
<context>
    <name>MatrixPanel</name>
    <message>
        <location filename="../../ui/matrix_panels.py" line="-267"/>
        <source>&amp;Run</source>
        <extracomment>at most this many codes in a chart in the window (the matrix keeps every code): a picture a reader can take in, drawn in about 0.1 s (see ``chart_view.Chart``)</extracomment>
        <translation>运行(&amp;R)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+5"/>
        <location line="+105"/>
        <source>Click a cell to list the passages behind it.</source>
        <translation>点击单元格，列出其背后的片段。</translation>
    </message>
    <message>
        <location line="-90"/>
        <source>Matrix</source>
        <translation>矩阵</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+64"/>
        <source>Counting…</source>
        <extracomment>whether a chart shows the chosen measure (and is drawn again when it changes)</extracomment>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{0} × {1} — {2}</source>
        <translation>{0} × {1} — {2}</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Drawing…</source>
        <translation>正在绘图…</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>{0}: {1} passages</source>
        <translation>{0}：{1} 个片段</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Fetching the passages of {0}…</source>
        <translation>正在读取 {0} 的片段…</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+5"/>
        <source>Export to Excel</source>
        <translation>导出到 Excel</translation>
    </message>
    <message>
        <location line="-4"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
</context>
<context>
    <name>MemoEditor</name>
    <message>
        <location filename="../../ui/memo_editor.py" line="+63"/>
        <source>Write the memo here…</source>
        <translation>在此撰写备忘录…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Save the memo and close (Ctrl+Enter)</source>
        <translation>保存备忘录并关闭（Ctrl+Enter）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Ctrl+Enter saves · Esc closes · Tab moves to the buttons</source>
        <translation>Ctrl+Enter 保存 · Esc 关闭 · Tab 移到按钮</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>Discard the memo?</source>
        <translation>放弃备忘录？</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What you wrote in this memo has not been saved. Close it and lose the changes?</source>
        <translation>这份备忘录里写的内容还没有保存。仍要关闭并放弃修改吗？</translation>
    </message>
</context>
<context>
    <name>MemoList</name>
    <message>
        <location filename="../../ui/memo_list.py" line="+39"/>
        <source>All memos</source>
        <translation>全部备忘录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Document memos</source>
        <translation>文档备忘录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code memos</source>
        <translation>代码备忘录</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coding memos</source>
        <translation>编码备忘录</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>On</source>
        <translation>类型</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Attached to</source>
        <translation>所属位置</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Memo</source>
        <translation>备忘录</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Search the memos…</source>
        <translation>搜索备忘录…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Edit memo…</source>
        <translation>编辑备忘录…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the chosen memo in the memo editor</source>
        <translation>在备忘录编辑器中打开所选备忘录</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coding</source>
        <translation>编码</translation>
    </message>
    <message>
        <location line="+25"/>
        <source>{0} · {1} · {2}</source>
        <translation>{0} · {1} · {2}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Characters {0} to {1}: {2}</source>
        <translation>第 {0} 至 {1} 个字符：{2}</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>No memos yet: write one on a document (Ctrl+Shift+M), a code (Ctrl+Alt+M) or a coding (Ctrl+M).</source>
        <translation>还没有备忘录：可以在文档（Ctrl+Shift+M）、代码（Ctrl+Alt+M）或编码（Ctrl+M）上撰写。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} memos. Double-click one to go to it.</source>
        <translation>共 {0} 份备忘录。双击即可跳转到所在位置。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{0} of {1} memos</source>
        <translation>{1} 份备忘录中的 {0} 份</translation>
    </message>
</context>
<context>
    <name>MergeReportDialog</name>
    <message>
        <location filename="../../ui/workshop_menu.py" line="+143"/>
        <source>Merge report</source>
        <translation>合并报告</translation>
    </message>
    <message>
        <location line="-14"/>
        <source>Merged {0} of {1} files: codings {2} added, {3} skipped.</source>
        <translation>已合并 {1} 个文件中的 {0} 个：编码 {2} 处新增，{3} 处跳过。</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Coders added: {0}</source>
        <translation>新增编码员：{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Documents added: {0}</source>
        <translation>新增文档：{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Codes added: {0}</source>
        <translation>新增代码：{0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{0} (by {1})</source>
        <translation>{0}（来自 {1}）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Conflicts: {0}</source>
        <translation>冲突：{0}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>here: {0}
in the copy: {1}</source>
        <translation>本项目：{0}
副本中：{1}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Next: Workshop → Intercoder agreement… and Disagreements…</source>
        <translation>下一步：工作坊 → 编码员间一致性… 和 分歧…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0}: not merged: {1}</source>
        <translation>{0}：未合并：{1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: codings {1} added, {2} already present, {3} skipped; {4} conflicts</source>
        <translation>{0}：编码 {1} 处新增、{2} 处已存在、{3} 处跳过；{4} 处冲突</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Documents: {0} matched, {1} added</source>
        <translation>文档：{0} 个匹配，{1} 个新增</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Codes: {0} matched, {1} added</source>
        <translation>代码：{0} 个匹配，{1} 个新增</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coders: {0} matched, {1} added</source>
        <translation>编码员：{0} 名匹配，{1} 名新增</translation>
    </message>
    <message>
        <location line="-29"/>
        <source>Notes: {0}</source>
        <translation>说明：{0} 条</translation>
    </message>
</context>
<context>
    <name>OffsetsDialog</name>
    <message>
        <location filename="../../ui/offsets_dialog.py" line="+63"/>
        <source>How {0} counts positions</source>
        <translation>{0} 如何计算位置</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Codings in a REFI-QDA file say where they are by positions in the text. Programs count those positions differently; a wrong reading shifts every coding after an emoji, a rare ideograph (𠮷) or a line break.

Producer: {0}
Detected reading: {1}
Why: {2}</source>
        <translation>REFI-QDA 文件用文本中的位置标明每处编码。各程序计算位置的方式不同；读法不对，表情符号、生僻字（𠮷）或换行之后的每处编码都会错位。

生成程序：{0}
检测到的读法：{1}
依据：{2}</translation>
    </message>
    <message>
        <location line="+9"/>
        <source> (detected)</source>
        <translation>（检测结果）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code points</source>
        <translation>码位</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An emoji or 𠮷 is one position, as the standard says (ATLAS.ti, MAXQDA, QualCoder, Annotator).</source>
        <translation>表情符号或 𠮷 算一个位置，与标准一致（ATLAS.ti、MAXQDA、QualCoder、Annotator）。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>UTF-16 units</source>
        <translation>UTF-16 单元</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>An emoji or 𠮷 is two positions, as NVivo counts.</source>
        <translation>表情符号或 𠮷 算两个位置，NVivo 即如此计算。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>As in the file</source>
        <translation>按文件原样</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>A Windows line end (CRLF) is two positions, as the standard and NVivo for Windows count.</source>
        <translation>Windows 换行（CRLF）算两个位置，与标准和 Windows 版 NVivo 一致。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Each line end once</source>
        <translation>每个换行算一次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Every line end is one position, whatever the file holds.</source>
        <translation>每个换行算一个位置，不论文件中是哪种换行。</translation>
    </message>
    <message>
        <location line="-5"/>
        <source>Line ends</source>
        <translation>换行</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Keep the detected reading unless codings came in shifted before. The import report says which reading was used.</source>
        <translation>除非以前导入时编码错位，否则请保留检测到的读法。导入报告会说明使用了哪种读法。</translation>
    </message>
</context>
<context>
    <name>OverviewPanel</name>
    <message>
        <location filename="../../ui/overview.py" line="-267"/>
        <location line="+121"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+35"/>
        <source>Codings</source>
        <translation>编码数</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Frequency</source>
        <translation>频次</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>Number of codings per code and document</source>
        <translation>每个代码在每个文档中的编码数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coverage</source>
        <translation>覆盖率</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Share of the document&apos;s characters coded with the code</source>
        <translation>文档中用该代码编码的字符所占比例</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Show:</source>
        <translation>显示：</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Code frequencies</source>
        <translation>代码频次</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code × document matrix</source>
        <translation>代码-文档矩阵</translation>
    </message>
    <message>
        <location line="-63"/>
        <source>{0}: {1} codings</source>
        <translation>{0}：{1} 处编码</translation>
    </message>
    <message>
        <location line="-84"/>
        <source>{0} in {1}: {2} codings, {3:.1%} of the text</source>
        <translation>{1} 中的 {0}：{2} 处编码，占文本的 {3:.1%}</translation>
    </message>
</context>
<context>
    <name>ParticipantCopiesDialog</name>
    <message>
        <location filename="../../ui/workshop_menu.py" line="-102"/>
        <source>Make participant copies</source>
        <translation>生成参与者副本</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Browse…</source>
        <translation>浏览(&amp;B)…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>One participant per line, e.g.
张三
李四</source>
        <translation>每行一名参与者，例如：
张三
李四</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Without the existing codings (participants start from uncoded documents)</source>
        <translation>不含现有编码（参与者从未编码的文档开始）(&amp;W)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Folder:</source>
        <translation>文件夹(&amp;F)：</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Participants:</source>
        <translation>参与者(&amp;P)：</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Each participant gets a copy of this project with the documents and the codebook, coding under their own name. Merge the copies back with Workshop → Merge projects…</source>
        <translation>每位参与者获得一份包含文档和编码本的项目副本，以自己的名字编码。之后用“工作坊 → 合并项目…”将副本合并回来。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Make copies</source>
        <translation>生成副本</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Folder for the copies</source>
        <translation>副本所在文件夹</translation>
    </message>
</context>
<context>
    <name>PassageModel</name>
    <message>
        <location filename="../../ui/passage_list.py" line="+59"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Characters</source>
        <translation>字符</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Coder</source>
        <translation>编码员</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Text</source>
        <translation>文本</translation>
    </message>
</context>
<context>
    <name>PortraitPanel</name>
    <message>
        <location filename="../../ui/chart_view.py" line="+23"/>
        <source>&amp;Draw the current document</source>
        <translation>绘制当前文档(&amp;D)</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location filename="../../ui/i18n.py" line="+56"/>
        <source>&amp;Look in:</source>
        <translation>查找范围(&amp;L)：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>文件类型(&amp;T)：</translation>
    </message>
</context>
<context>
    <name>QueryPanel</name>
    <message>
        <location filename="../../ui/query_panel.py" line="+56"/>
        <source>alone</source>
        <translation>单独</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>AND (overlap)</source>
        <translation>与（重叠）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OR</source>
        <translation>或</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>NOT</source>
        <translation>非</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NEAR</source>
        <translation>邻近</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>FOLLOWED BY</source>
        <translation>其后</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>within characters</source>
        <translation>相距字符数以内</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the same sentence</source>
        <translation>在同一句中</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>in the same paragraph</source>
        <translation>在同一段中</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Largest gap between the two passages, in characters</source>
        <translation>两个片段之间的最大间隔（字符数）</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Run query</source>
        <translation>运行查询(&amp;R)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code</source>
        <translation>代码</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Run saved</source>
        <translation>运行已存查询</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save query…</source>
        <translation>保存查询…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save as code…</source>
        <translation>保存为代码…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Export…</source>
        <translation>导出…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Saved queries:</source>
        <translation>已存查询：</translation>
    </message>
    <message>
        <location line="+74"/>
        <source>Running the query…</source>
        <translation>正在运行查询…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Running the query “{0}”…</source>
        <translation>正在运行查询“{0}”…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>{0} passages, {1} characters — {2}</source>
        <translation>{0} 个片段，{1} 个字符 — {2}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The query found {0} passages</source>
        <translation>查询找到 {0} 个片段</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Save query</source>
        <translation>保存查询</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Name of the query:</source>
        <translation>查询名称：</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saved the query “{0}”</source>
        <translation>已保存查询“{0}”</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Save as code</source>
        <translation>保存为代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code every passage found with a new code (a path such as 信任/查询结果):</source>
        <translation>用一个新代码为找到的每个片段编码（路径如 信任/查询结果）：</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Export the query results</source>
        <translation>导出查询结果</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Exported {0}</source>
        <translation>已导出 {0}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Query</source>
        <translation>查询</translation>
    </message>
</context>
<context>
    <name>RepairController</name>
    <message>
        <location filename="../../ui/repair_actions.py" line="+43"/>
        <source>C&amp;heck project…</source>
        <translation>检查项目(&amp;H)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check the project file through: its structure and the text of every document</source>
        <translation>全面检查项目文件：它的结构和每个文档的文字</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Sal&amp;vage project…</source>
        <translation>抢救项目(&amp;V)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save what is readable of a damaged project as a new project</source>
        <translation>把已损坏项目中仍可读取的内容保存为新项目</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>Damaged — read-only</source>
        <translation>已损坏——只读</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Read-only</source>
        <translation>只读</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{0} (read-only)</source>
        <translation>{0}（只读）</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>A team project on a server is checked by its database server, not here.</source>
        <translation>服务器上的团队项目由其数据库服务器检查，不在这里检查。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Annotator projects (*{0});;All files (*)</source>
        <translation>Annotator 项目 (*{0});;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <location line="+8"/>
        <source>Check project</source>
        <translation>检查项目</translation>
    </message>
    <message>
        <location line="-6"/>
        <source>Checking {0}…</source>
        <translation>正在检查 {0}…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Save what is readable as a new project now?</source>
        <translation>现在把仍可读取的内容保存为新项目吗？</translation>
    </message>
    <message>
        <location line="+9"/>
        <location line="+21"/>
        <source>Salvage project</source>
        <translation>抢救项目</translation>
    </message>
    <message>
        <location line="-17"/>
        <source>Save what is readable as</source>
        <translation>把仍可读取的内容保存为</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Annotator projects (*{0})</source>
        <translation>Annotator 项目 (*{0})</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Saving what is readable of {0}…</source>
        <translation>正在保存 {0} 中仍可读取的内容…</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Open the new project now?</source>
        <translation>现在打开新项目吗？</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Annotator</source>
        <translation>Annotator</translation>
    </message>
</context>
<context>
    <name>ScopeBar</name>
    <message>
        <location filename="../../ui/scope_bar.py" line="+66"/>
        <source>Documents</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Cases</source>
        <translation>案例</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coders</source>
        <translation>编码员</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Over:</source>
        <translation>范围：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>where</source>
        <translation>条件</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>(any attribute)</source>
        <translation>（任意属性）</translation>
    </message>
    <message>
        <location line="-46"/>
        <source>Document sets</source>
        <translation>文档集</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Code sets</source>
        <translation>代码集</translation>
    </message>
</context>
<context>
    <name>SearchResults</name>
    <message>
        <location filename="../../ui/panels.py" line="+46"/>
        <source>Document</source>
        <translation>文档</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Hit in context</source>
        <translation>匹配项及上下文</translation>
    </message>
</context>
<context>
    <name>SegmentsPanel</name>
    <message>
        <location filename="../../ui/segments_view.py" line="+284"/>
        <source>Include child codes</source>
        <extracomment>the greys of a row&apos;s header line and of the words around the coded ones: dark enough to read on the base colour and on the selection tint</extracomment>
        <translation>包含子代码</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Also list the segments of the code&apos;s children</source>
        <translation>同时列出子代码的编码片段</translation>
    </message>
    <message>
        <location line="+73"/>
        <source>Coded segments: select a code in the codebook</source>
        <translation>编码片段：请在编码本中选择一个代码</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coded segments of &lt;b&gt;{0}&lt;/b&gt;: {1}</source>
        <translation>&lt;b&gt;{0}&lt;/b&gt; 的编码片段：{1}</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <location filename="../../ui/operations/base.py" line="+61"/>
        <source>Cannot redo “{0}”: {1}</source>
        <translation>无法重做“{0}”：{1}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Undone: {0}</source>
        <translation>已撤销：{0}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cannot undo “{0}”: {1}</source>
        <translation>无法撤销“{0}”：{1}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>the project was changed elsewhere (another window or program)</source>
        <translation>项目已在别处（另一个窗口或程序）被修改</translation>
    </message>
    <message>
        <location line="-26"/>
        <source>Redone: {0}</source>
        <extracomment>what a step that cannot replay may raise: a user error, or any database error</extracomment>
        <translation>已重做：{0}</translation>
    </message>
</context>
<context>
    <name>Settings</name>
    <message>
        <location filename="../../ui/i18n.py" line="+125"/>
        <source>System language ({0})</source>
        <translation>跟随系统（{0}）</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="-159"/>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Changing the language rebuilds the window: the open project, the document, the place in it and the selected code stay as they are, but the undo history starts afresh.</source>
        <translation>切换语言会重建窗口：打开的项目、文档、文档中的位置和选中的代码都保持不变，但撤销历史将被清空。</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The environment variable ANNOTATOR_LANG sets the language ({0}).</source>
        <translation>环境变量 ANNOTATOR_LANG 已指定界面语言（{0}）。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Your codings are recorded under this name, in the window and on the command line.</source>
        <translation>您的编码以此名称记录，在窗口和命令行中都是如此。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Interface language:</source>
        <translation>界面语言：</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Coder name:</source>
        <translation>编码员名称：</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <location filename="../../ui/help_menu.py" line="-98"/>
        <source>Keyboard shortcuts</source>
        <translation>键盘快捷键</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Menu</source>
        <translation>菜单</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Command</source>
        <translation>命令</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Keys</source>
        <translation>按键</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The keys of the codebook (Insert, F2, Delete, Alt+arrows) work when the codebook has the focus (Ctrl+3).</source>
        <translation>编码本的按键（Insert、F2、Delete、Alt+方向键）在编码本获得焦点时（Ctrl+3）有效。</translation>
    </message>
</context>
<context>
    <name>TaskBar</name>
    <message>
        <location filename="../../ui/task_bar.py" line="+15"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TeamFeed</name>
    <message>
        <location filename="../../ui/team_feed.py" line="+150"/>
        <source>Team project · offline</source>
        <translation>团队项目 · 已断开</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The server cannot be reached; editing is off until it is back</source>
        <translation>无法连接服务器；恢复连接之前不能修改</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Team project · live</source>
        <translation>团队项目 · 实时同步</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The other members&apos; changes show here as they are saved</source>
        <translation>其他成员的更改一经保存就会显示在这里</translation>
    </message>
    <message>
        <location line="+38"/>
        <source>The connection to the team project&apos;s server ({0}) was lost. What was saved is kept; editing is off until the server is back — Annotator keeps trying.</source>
        <translation>与团队项目服务器（{0}）的连接已断开。已保存的内容都在；服务器恢复之前不能修改——Annotator 会一直尝试重新连接。</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The team project&apos;s server is gone; editing is off</source>
        <translation>团队项目服务器已断开；暂时不能修改</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Connected to the team project&apos;s server again; you can edit again. Showing everyone&apos;s latest changes.</source>
        <translation>已重新连接到团队项目服务器，可以继续修改。现在显示的是所有人的最新更改。</translation>
    </message>
</context>
<context>
    <name>TeamProjectDialog</name>
    <message>
        <location filename="../../ui/team_dialog.py" line="+79"/>
        <source>A team project is a database on a PostgreSQL server that everyone in the team codes in at once. Paste its address, or fill in its parts or the name of a service from your pg_service.conf.</source>
        <translation>团队项目是 PostgreSQL 服务器上的一个数据库，团队成员可以同时在其中编码。请粘贴它的地址，或逐项填写，或填写 pg_service.conf 中的服务名称。</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Address (URL):</source>
        <translation>地址（URL）：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Server:</source>
        <translation>服务器：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Port:</source>
        <translation>端口：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Database:</source>
        <translation>数据库：</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>User name:</source>
        <translation>用户名：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or service name:</source>
        <translation>或服务名称：</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>empty: from your .pgpass file</source>
        <translation>留空：从 .pgpass 文件读取</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Password:</source>
        <translation>密码：</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Codebook to start with:</source>
        <translation>初始编码本：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The password is used for this connection only and is never saved; the recent projects list keeps the address without it.</source>
        <translation>密码仅用于本次连接，不会被保存；最近的项目列表只记录不含密码的地址。</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Create</source>
        <translation>新建</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>打开</translation>
    </message>
</context>
<context>
    <name>WelcomePage</name>
    <message>
        <location filename="../../ui/welcome.py" line="-84"/>
        <source>Welcome to Annotator</source>
        <translation>欢迎使用 Annotator</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Code interviews, policy documents and other texts: select a passage, give it one or more codes from your codebook, write memos, retrieve every coded segment and export them to Excel. A project keeps your documents, your codebook and every coding in one file.</source>
        <translation>对访谈、政策文件等文本进行编码：选中一段文字，从编码本中为它指定一个或多个代码，撰写备忘录，检索每个编码片段，并导出到 Excel。一个项目文件保存您的全部文档、编码本和编码。</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open the demo project</source>
        <translation>打开示例项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>New project…</source>
        <translation>新建项目…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open project…</source>
        <translation>打开项目…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A paper on party-building-led urban grassroots governance, coded with the governance codebook: the quickest way to see how coding works.</source>
        <translation>一篇关于党建引领城市基层治理的论文，已用治理编码本编码：了解编码如何进行的最快方式。</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start from the governance codebook (coordination, integration, trust) or from an empty codebook.</source>
        <translation>从治理编码本（协调、整合、信任）或空白编码本开始。</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open a project file (.annotator) from your computer or a shared folder.</source>
        <translation>打开电脑或共享文件夹中的项目文件（.annotator）。</translation>
    </message>
</context>
<context>
    <name>WordListDialog</name>
    <message>
        <location filename="../../ui/word_lists.py" line="+46"/>
        <source>Add words from a &amp;file…</source>
        <translation>从文件添加词语(&amp;F)…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Add words from a file</source>
        <translation>从文件添加词语</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word lists (*.txt);;All files (*)</source>
        <translation>词表 (*.txt);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>{0}: cannot be read ({1})</source>
        <translation>{0}：无法读取（{1}）</translation>
    </message>
</context>
<context>
    <name>WordsPanel</name>
    <message>
        <location filename="../../ui/words_panel.py" line="+82"/>
        <source>Leave out &amp;stop words</source>
        <translation>去除停用词(&amp;S)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Cou&amp;nt</source>
        <translation>统计(&amp;N)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>S&amp;top</source>
        <translation>停止(&amp;T)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Documents:</source>
        <translation>文档：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Case:</source>
        <translation>个案：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Attribute:</source>
        <translation>属性：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coded with:</source>
        <translation>编码所用代码：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Coder:</source>
        <translation>编码员：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minimum length:</source>
        <translation>最短长度：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Part of speech:</source>
        <translation>词性：</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Words shown:</source>
        <translation>显示词数：</translation>
    </message>
    <message>
        <location line="+69"/>
        <source>Word</source>
        <translation>词语</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Count</source>
        <translation>频次</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Share</source>
        <translation>占比</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Documents</source>
        <translation>文档数</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Word &amp;lists</source>
        <translation>词表(&amp;L)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Chinese stop words…</source>
        <translation>中文停用词…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>English stop words…</source>
        <translation>英文停用词…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Synonyms…</source>
        <translation>同义词…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Project dictionary…</source>
        <translation>项目词典…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save the cloud…</source>
        <translation>保存词云…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save the table…</source>
        <translation>保存词频表…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All words</source>
        <translation>所有词</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Nouns</source>
        <translation>名词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Verbs</source>
        <translation>动词</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Adjectives</source>
        <translation>形容词</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Nouns and verbs</source>
        <translation>名词和动词</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>All documents</source>
        <translation>所有文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>This document</source>
        <translation>当前文档</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any case</source>
        <translation>任意个案</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Any value</source>
        <translation>任意属性值</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All text (coded or not)</source>
        <translation>全部文本（不论是否编码）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>All coders</source>
        <translation>所有编码员</translation>
    </message>
    <message>
        <location line="+60"/>
        <source>Counting…</source>
        <translation>正在统计…</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Stopped</source>
        <translation>已停止</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Counts also: {0}</source>
        <translation>同时计入：{0}</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{0} words ({1} different) in {2} documents</source>
        <translation>{2} 个文档中共 {0} 个词（{1} 个不同的词）</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Show “{0}” in the concordance</source>
        <translation>在关键词语境中查看“{0}”</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add to the stop words ({0})</source>
        <translation>加入停用词（{0} 个）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Count as “{0}” ({1} words)</source>
        <translation>计为“{0}”（{1} 个词）</translation>
    </message>
</context>
<context>
    <name>WorkshopUI</name>
    <message>
        <location filename="../../ui/workshop_menu.py" line="+124"/>
        <source>Intercoder agreement</source>
        <translation>编码员间一致性</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Disagreements</source>
        <translation>分歧</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Make participant &amp;copies…</source>
        <translation>生成参与者副本(&amp;C)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Write one copy of this project per participant, each coding under their own name</source>
        <translation>为每位参与者写出一份本项目的副本，各自以自己的名字编码</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Merge projects…</source>
        <translation>合并项目(&amp;M)…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Merge participants&apos; copies (.annotator) or REFI-QDA projects (.qdpx) into this project</source>
        <translation>将参与者副本（.annotator）或 REFI-QDA 项目（.qdpx）合并到本项目</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Intercoder &amp;agreement…</source>
        <translation>编码员间一致性(&amp;A)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Percent agreement, Cohen&apos;s κ, Krippendorff&apos;s α and segment agreement per code and document (Ctrl+Shift+A)</source>
        <translation>按代码和文档计算百分比一致性、Cohen&apos;s κ 系数、Krippendorff&apos;s α 系数和片段层面一致性（Ctrl+Shift+A）</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Disagreements…</source>
        <translation>分歧(&amp;D)…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Where the coders differ: jump to each place and settle the consensus (Ctrl+Shift+D)</source>
        <translation>编码员的分歧之处：逐一跳转并确定共识（Ctrl+Shift+D）</translation>
    </message>
    <message>
        <location filename="../../ui/window_actions.py" line="-18"/>
        <location filename="../../ui/workshop_menu.py" line="+2"/>
        <source>&amp;Workshop</source>
        <translation>工作坊(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/workshop_menu.py" line="+92"/>
        <source>Intercoder agreement of {0}</source>
        <translation>{0} 的编码员间一致性</translation>
    </message>
    <message>
        <location line="-119"/>
        <source>{0} disagreements</source>
        <translation>{0} 处分歧</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Blind coding is on: the agreement and the disagreements are shown to the facilitator ({0}) only, until everyone&apos;s codings are revealed.</source>
        <translation>盲编码已开启：在公开所有人的编码之前，一致性和分歧只对主持人（{0}）显示。</translation>
    </message>
    <message>
        <location line="+68"/>
        <source>{0}: {1} ({2} documents, {3} codes, {4} codings)</source>
        <translation>{0}：{1}（{2} 个文档，{3} 个代码，{4} 处编码）</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Wrote {0} participant copies to {1}</source>
        <translation>已将 {0} 份参与者副本写入 {1}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Participant copies</source>
        <translation>参与者副本</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Wrote {0} participant copies:</source>
        <translation>已写出 {0} 份参与者副本：</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+6"/>
        <location line="+65"/>
        <source>Merge projects</source>
        <translation>合并项目</translation>
    </message>
    <message>
        <location line="-70"/>
        <source>Participants&apos; copies and REFI-QDA projects (*{0} *.qdpx);;All files (*)</source>
        <translation>参与者副本和 REFI-QDA 项目 (*{0} *.qdpx);;所有文件 (*)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Merge these {0} files into {1}?

{2}

Merging cannot be undone, and the undo history is cleared. To keep the project as it is now, use File → Save a copy… first.</source>
        <translation>将这 {0} 个文件合并到 {1}？

{2}

合并无法撤销，撤销历史也将被清空。如需保留项目的当前状态，请先使用“文件 → 另存副本…”。</translation>
    </message>
    <message>
        <location line="+47"/>
        <location line="+14"/>
        <source>Merging {0} files…</source>
        <translation>正在合并 {0} 个文件…</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Merging {0} ({1} of {2})…</source>
        <translation>正在合并 {0}（第 {1} 个，共 {2} 个）…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>Merge cancelled: {0} of {1} files had been merged and are kept; the others were not merged.</source>
        <translation>已取消合并：{1} 个文件中已合并的 {0} 个予以保留，其余未合并。</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Merge cancelled: nothing was merged.</source>
        <translation>已取消合并：未合并任何内容。</translation>
    </message>
</context>
<context>
    <name>_Choice</name>
    <message>
        <location filename="../../ui/scope_bar.py" line="-15"/>
        <source>{0}: all</source>
        <translation>{0}：全部</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{0}: {1}</source>
        <translation>{0}：{1}</translation>
    </message>
</context>
</TS>
