<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>PeriodTotalsModel</name>
    <message>
        <source>Period</source>
        <translation>账期</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>账单数</translation>
    </message>
    <message>
        <source>Billed m³</source>
        <translation>计费水量(m³)</translation>
    </message>
    <message>
        <source>Relief granted</source>
        <translation>减免金额</translation>
    </message>
</context>
<context>
    <name>Relief</name>
    <message>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Revoked</source>
        <translation>已撤销</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已过期</translation>
    </message>
    <message>
        <source>Household</source>
        <translation>一户一表</translation>
    </message>
    <message>
        <source>Bulk meter</source>
        <translation>总表</translation>
    </message>
    <message>
        <source>Collective</source>
        <translation>集体户</translation>
    </message>
    <message>
        <source>Non-residential</source>
        <translation>非居民</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Certificate type</source>
        <translation>证件类型</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证件编号</translation>
    </message>
    <message>
        <source>Issuing office</source>
        <translation>发证机关</translation>
    </message>
    <message>
        <source>Valid from</source>
        <translation>有效期起</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>有效期止</translation>
    </message>
    <message>
        <source>Holder name</source>
        <translation>持证人姓名</translation>
    </message>
    <message>
        <source>Holder ID number</source>
        <translation>持证人身份证号</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Materials seen</source>
        <translation>已验材料</translation>
    </message>
    <message>
        <source>Low-income households</source>
        <translation>低保户数</translation>
    </message>
    <message>
        <source>Total households</source>
        <translation>总户数</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Application</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Relief rule</source>
        <translation>减免规则</translation>
    </message>
    <message>
        <source>this certificate already has an active relief (pending or approved).</source>
        <translation>该证件已有在办或已批准的减免，不能重复申请。</translation>
    </message>
    <message>
        <source>this account already has an active relief (pending or approved).</source>
        <translation>该用户已有在办或已批准的减免，不能重复申请。</translation>
    </message>
    <message>
        <source>the account is not active.</source>
        <translation>该用户不是正常状态。</translation>
    </message>
    <message>
        <source>relief is only for household or collective (residential) accounts.</source>
        <translation>仅居民户（一户一表或集体户）可办理低保减免。</translation>
    </message>
    <message>
        <source>the certificate has expired.</source>
        <translation>证件已过期。</translation>
    </message>
    <message>
        <source>the certificate is not valid yet.</source>
        <translation>证件尚未生效。</translation>
    </message>
    <message>
        <source>must not be before the valid-from date.</source>
        <translation>不能早于有效期起始日。</translation>
    </message>
    <message>
        <source>must not be more than 10 years ahead.</source>
        <translation>不能晚于今天起 10 年。</translation>
    </message>
    <message>
        <source>must not be before 2000.</source>
        <translation>不能早于 2000 年。</translation>
    </message>
    <message>
        <source>tick the certificate original, its copy and the holder&apos;s ID copy once seen.</source>
        <translation>请核验证件原件、证件复印件和持证人身份证复印件后逐项勾选。</translation>
    </message>
    <message>
        <source>must be at least 1.</source>
        <translation>至少为 1。</translation>
    </message>
    <message>
        <source>must not be less than the low-income households.</source>
        <translation>不能少于低保户数。</translation>
    </message>
    <message>
        <source>must not exceed the households registered on the account.</source>
        <translation>不能超过该用户登记的总户数。</translation>
    </message>
    <message>
        <source>only a supervisor may decide relief applications.</source>
        <translation>只有主管可以审批减免申请。</translation>
    </message>
    <message>
        <source>only a supervisor of the hall that filed the application may decide it.</source>
        <translation>只有受理该申请的营业厅的主管可以审批。</translation>
    </message>
    <message>
        <source>someone else decided this application first; the list has been refreshed.</source>
        <translation>该申请已被他人先行处理，列表已刷新。</translation>
    </message>
    <message>
        <source>the utility has no relief rule configured.</source>
        <translation>尚未配置减免规则。</translation>
    </message>
    <message>
        <source>required.</source>
        <translation>必须填写。</translation>
    </message>
    <message>
        <source>too long.</source>
        <translation>内容过长。</translation>
    </message>
    <message>
        <source>not one of the accepted certificates.</source>
        <translation>不是认可的证件类型。</translation>
    </message>
    <message>
        <source>check digit wrong; compare with the ID card.</source>
        <translation>校验位不对，请与身份证核对。</translation>
    </message>
    <message>
        <source>must have 18 (or 15) characters.</source>
        <translation>应为 18 位（或 15 位）。</translation>
    </message>
    <message>
        <source>only digits and a final X are allowed.</source>
        <translation>只能是数字，最后一位可以是 X。</translation>
    </message>
    <message>
        <source>the birth date in it is not a real date.</source>
        <translation>其中的出生日期不是有效日期。</translation>
    </message>
    <message>
        <source>not a mobile (11 digits) or fixed-line number.</source>
        <translation>不是手机号（11 位）或固定电话号码。</translation>
    </message>
    <message>
        <source>not found.</source>
        <translation>未找到。</translation>
    </message>
    <message>
        <source>it is still pending.</source>
        <translation>仍在待审批。</translation>
    </message>
    <message>
        <source>it is already approved.</source>
        <translation>已经批准。</translation>
    </message>
    <message>
        <source>it was rejected.</source>
        <translation>已被驳回。</translation>
    </message>
    <message>
        <source>it was revoked.</source>
        <translation>已被撤销。</translation>
    </message>
    <message>
        <source>it has expired.</source>
        <translation>已过期。</translation>
    </message>
    <message>
        <source>{field}: {reason}</source>
        <translation>{field}：{reason}</translation>
    </message>
</context>
<context>
    <name>ReliefForm</name>
    <message>
        <source>Low-income relief application</source>
        <translation>特困低保户用水优惠申请</translation>
    </message>
    <message>
        <source>Certificate &amp;type</source>
        <translation>证件类型(&amp;T)</translation>
    </message>
    <message>
        <source>Certificate &amp;no.</source>
        <translation>证件编号(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Issuing office</source>
        <translation>发证机关(&amp;I)</translation>
    </message>
    <message>
        <source>Valid &amp;from</source>
        <translation>有效期起(&amp;F)</translation>
    </message>
    <message>
        <source>Valid t&amp;o</source>
        <translation>有效期止(&amp;O)</translation>
    </message>
    <message>
        <source>Holder na&amp;me</source>
        <translation>持证人姓名(&amp;M)</translation>
    </message>
    <message>
        <source>Holder I&amp;D number</source>
        <translation>持证人身份证号(&amp;D)</translation>
    </message>
    <message>
        <source>Contact &amp;phone</source>
        <translation>联系电话(&amp;P)</translation>
    </message>
    <message>
        <source>Materials seen</source>
        <translation>已验材料</translation>
    </message>
    <message>
        <source>Certificate original</source>
        <translation>证件原件</translation>
    </message>
    <message>
        <source>Certificate copy</source>
        <translation>证件复印件</translation>
    </message>
    <message>
        <source>Holder ID copy</source>
        <translation>持证人身份证复印件</translation>
    </message>
    <message>
        <source>&amp;Low-income households</source>
        <translation>低保户数(&amp;L)</translation>
    </message>
    <message>
        <source>Total &amp;households</source>
        <translation>总户数(&amp;H)</translation>
    </message>
    <message>
        <source>Not&amp;es</source>
        <translation>备注(&amp;E)</translation>
    </message>
</context>
<context>
    <name>ReliefFormDialog</name>
    <message>
        <source>Submit</source>
        <translation>提交</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Account {no}  {name}  ({kind})</source>
        <translation>用户号 {no}&#x3000;{name}（{kind}）</translation>
    </message>
    <message>
        <source>the utility&apos;s relief rule</source>
        <translation>本公司减免规则</translation>
    </message>
    <message>
        <source> Approved at once (direct approval is configured).</source>
        <translation>提交即批准（已配置直接审批）。</translation>
    </message>
    <message>
        <source> A supervisor approves it.</source>
        <translation>提交后由主管审批。</translation>
    </message>
    <message>
        <source>Relief: {rule}, from the next read period after today.</source>
        <translation>减免：{rule}，自办理日起下一抄表期开始。</translation>
    </message>
</context>
<context>
    <name>ReliefPage</name>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All areas</source>
        <translation>全部片区</translation>
    </message>
    <message>
        <source>All certificates</source>
        <translation>全部证件</translation>
    </message>
    <message>
        <source>{n} applications, relief granted {amount} yuan</source>
        <translation>共 {n} 条申请，已减免 {amount} 元</translation>
    </message>
    <message>
        <source>Expiring within {days} days ({n})</source>
        <translation>{days}天内到期（{n}）</translation>
    </message>
    <message>
        <source>Application {id} filed for account {no}: {status}.</source>
        <translation>申请 {id} 已为用户 {no} 登记：{status}。</translation>
    </message>
    <message>
        <source>, relief from period {p}</source>
        <translation>，自 {p} 账期起减免</translation>
    </message>
    <message>
        <source>Application {id} is now {status}{period}.</source>
        <translation>申请 {id} 现为{status}{period}。</translation>
    </message>
    <message>
        <source>Export the relief register</source>
        <translation>导出低保减免台账</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Exporting...</source>
        <translation>正在导出……</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written</source>
        <translation>导出已取消：未写入任何文件</translation>
    </message>
    <message>
        <source>Exported {n} rows to {path}</source>
        <translation>已导出 {n} 行到 {path}</translation>
    </message>
    <message>
        <source>Export failed: {error}</source>
        <translation>导出失败：{error}</translation>
    </message>
    <message>
        <source>Low-income relief</source>
        <translation>低保减免</translation>
    </message>
    <message>
        <source>Expiring within 30 days</source>
        <translation>30天内到期</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>&amp;Status</source>
        <translation>状态(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Area</source>
        <translation>片区(&amp;A)</translation>
    </message>
    <message>
        <source>Certi&amp;ficate</source>
        <translation>证件(&amp;F)</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Relief granted per bill period</source>
        <translation>各账期减免金额</translation>
    </message>
    <message>
        <source>&amp;New application for this account</source>
        <translation>为该用户新申请(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Print form (Ctrl+P)</source>
        <translation>打印申请表(&amp;P) (Ctrl+P)</translation>
    </message>
    <message>
        <source>E&amp;xport to Excel</source>
        <translation>导出 Excel(&amp;X)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>Reason for rejecting or revoking</source>
        <translation>驳回或撤销的原因</translation>
    </message>
    <message>
        <source>Appro&amp;ve</source>
        <translation>批准(&amp;V)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>驳回(&amp;J)</translation>
    </message>
    <message>
        <source>Rev&amp;oke</source>
        <translation>撤销(&amp;O)</translation>
    </message>
</context>
<context>
    <name>ReliefRegisterModel</name>
    <message>
        <source>Account no.</source>
        <translation>用户号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Holder</source>
        <translation>持证人</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Certificate</source>
        <translation>证件</translation>
    </message>
    <message>
        <source>Certificate no.</source>
        <translation>证件编号</translation>
    </message>
    <message>
        <source>Valid to</source>
        <translation>有效期止</translation>
    </message>
    <message>
        <source>Low-income / total</source>
        <translation>低保户/总户数</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>From period</source>
        <translation>起始账期</translation>
    </message>
    <message>
        <source>Relief granted</source>
        <translation>减免金额</translation>
    </message>
</context>
</TS>
