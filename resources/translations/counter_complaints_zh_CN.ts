<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ComplaintDetail</name>
    <message>
        <source>Show full p&amp;hone</source>
        <translation>显示完整电话(&amp;H)</translation>
    </message>
    <message>
        <source>(no phone)</source>
        <translation>（无电话）</translation>
    </message>
    <message>
        <source>Time</source>
        <extracomment>action -&gt; statuses it applies to (as the service allows)</extracomment>
        <translation>时间</translation>
    </message>
    <message>
        <source>Entry</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Clerk</source>
        <translation>受理人</translation>
    </message>
    <message>
        <source>Follow-up entry</source>
        <translation>跟进记录</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>转办</translation>
    </message>
    <message>
        <source>Resolve</source>
        <translation>解决</translation>
    </message>
    <message>
        <source>Reply to the customer</source>
        <translation>回复客户</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>结案</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>&amp;Apply (Ctrl+Enter)</source>
        <translation>执行(&amp;A) (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>&amp;Print slip again</source>
        <translation>补打受理单(&amp;P)</translation>
    </message>
    <message>
        <source>A&amp;ction:</source>
        <translation>操作(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Text:</source>
        <translation>内容(&amp;T)：</translation>
    </message>
    <message>
        <source>due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>处理部门：</translation>
    </message>
    <message>
        <source>Reply channel:</source>
        <translation>回复方式：</translation>
    </message>
    <message>
        <source>Satisfaction:</source>
        <translation>满意度：</translation>
    </message>
    <message>
        <source>Recall on:</source>
        <translation>回访日期：</translation>
    </message>
    <message>
        <source>Choose a complaint in the list (Enter).</source>
        <translation>请在列表中选择投诉（回车）。</translation>
    </message>
    <message>
        <source>Complainant: {who} {contact}&#x3000;Account: {acc}</source>
        <translation>投诉人：{who} {contact}&#x3000;用户号：{acc}</translation>
    </message>
    <message>
        <source>Department: {d}&#x3000;Due: {due}</source>
        <translation>处理部门：{d}&#x3000;答复时限：{due}</translation>
    </message>
    <message>
        <source>Company at fault; apology given: {a}</source>
        <translation>公司责任；已致歉：{a}</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Recall the customer on {d}</source>
        <translation>{d} 回访客户</translation>
    </message>
</context>
<context>
    <name>ComplaintForm</name>
    <message>
        <source>(not a customer: stand-alone)</source>
        <translation>（非本公司用户：单独登记）</translation>
    </message>
</context>
<context>
    <name>ComplaintLabels</name>
    <message>
        <source>Counter</source>
        <translation>营业厅柜台</translation>
    </message>
    <message>
        <source>Hotline</source>
        <translation>热线电话</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网上</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>信函</translation>
    </message>
    <message>
        <source>Water quality</source>
        <translation>水质</translation>
    </message>
    <message>
        <source>Pressure or outage</source>
        <translation>水压/停水</translation>
    </message>
    <message>
        <source>Billing or price</source>
        <translation>水费/水价</translation>
    </message>
    <message>
        <source>Meter</source>
        <translation>水表</translation>
    </message>
    <message>
        <source>Service attitude</source>
        <translation>服务态度</translation>
    </message>
    <message>
        <source>Construction</source>
        <translation>施工</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已解决</translation>
    </message>
    <message>
        <source>Replied</source>
        <translation>已回复</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>满意</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>一般</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>不满意</translation>
    </message>
    <message>
        <source>Forwarded</source>
        <translation>已转办</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>已结案</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>户名</translation>
    </message>
    <message>
        <source>Address</source>
        <translation>地址</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>受理渠道</translation>
    </message>
    <message>
        <source>Due time</source>
        <translation>答复时限</translation>
    </message>
    <message>
        <source>Recall date</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>回复</translation>
    </message>
    <message>
        <source>Complaint received</source>
        <translation>受理</translation>
    </message>
    <message>
        <source>Resolved on the spot</source>
        <translation>当场解决</translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation>跟进</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>重新打开</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>已更正</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Mobile</source>
        <translation>手机</translation>
    </message>
    <message>
        <source>Landline</source>
        <translation>固定电话</translation>
    </message>
    <message>
        <source>Meter location</source>
        <translation>水表方位</translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation>联系电话</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>投诉内容</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>处理部门</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>解决办法</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Satisfaction</source>
        <translation>满意度</translation>
    </message>
    <message>
        <source>Apology</source>
        <translation>致歉</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>用户号</translation>
    </message>
    <message>
        <source>Reply channel</source>
        <translation>回复方式</translation>
    </message>
    <message>
        <source>{field}: please fill this in.</source>
        <translation>{field}：请填写。</translation>
    </message>
    <message>
        <source>{field}: please choose from the list.</source>
        <translation>{field}：请从列表中选择。</translation>
    </message>
    <message>
        <source>{field}: the due time must be in the future.</source>
        <translation>{field}：答复时限须晚于现在。</translation>
    </message>
    <message>
        <source>{field}: must be from today to at most a year ahead.</source>
        <translation>{field}：须在今天到一年之内。</translation>
    </message>
    <message>
        <source>{field}: an apology is recorded only when the company is at fault.</source>
        <translation>{field}：只有公司原因造成时才记录致歉。</translation>
    </message>
    <message>
        <source>{field}: a complaint is either solved on the spot or forwarded.</source>
        <translation>{field}：投诉只能当场解决或转办其一。</translation>
    </message>
    <message>
        <source>{field}: the account no longer exists.</source>
        <translation>{field}：该用户已不存在。</translation>
    </message>
    <message>
        <source>{field}: too long, at most {limit} characters.</source>
        <translation>{field}：过长，最多 {limit} 个字符。</translation>
    </message>
    <message>
        <source>{field}: type a mobile (11 digits) or fixed-line number.</source>
        <translation>{field}：请输入手机号（11 位）或固定电话。</translation>
    </message>
    <message>
        <source>This action is not possible in the complaint&apos;s current state.</source>
        <translation>投诉当前状态下不能执行此操作。</translation>
    </message>
    <message>
        <source>{field}: refused.</source>
        <translation>{field}：不被接受。</translation>
    </message>
</context>
<context>
    <name>ComplaintListWidget</name>
    <message>
        <source>Not closed</source>
        <translation>未结案</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>All categories</source>
        <translation>全部类别</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>&amp;Overdue only</source>
        <translation>仅超期(&amp;O)</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>&amp;Export to Excel</source>
        <translation>导出 Excel(&amp;E)</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>状态：</translation>
    </message>
    <message>
        <source>Category:</source>
        <translation>类别：</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>处理部门：</translation>
    </message>
    <message>
        <source>Complaints per category and month:</source>
        <translation>各类别每月投诉数：</translation>
    </message>
    <message>
        <source>{n} complaints, {o} overdue</source>
        <translation>共 {n} 件投诉，超期 {o} 件</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>ComplaintTableModel</name>
    <message>
        <source>Ticket</source>
        <translation>受理编号</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>受理时间</translation>
    </message>
    <message>
        <source>Complainant</source>
        <translation>投诉人</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>用户号</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>处理部门</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>答复时限</translation>
    </message>
    <message>
        <source>Recall on</source>
        <translation>回访日期</translation>
    </message>
    <message>
        <source>Overdue: the due time has passed</source>
        <translation>超期：已过答复时限</translation>
    </message>
    <message>
        <source>(overdue)</source>
        <translation>（超期）</translation>
    </message>
</context>
<context>
    <name>ComplaintsForm</name>
    <message>
        <source>Account:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>&amp;Complainant:</source>
        <translation>投诉人(&amp;C)：</translation>
    </message>
    <message>
        <source>C&amp;ontact:</source>
        <translation>联系电话(&amp;O)：</translation>
    </message>
    <message>
        <source>Mobile or fixed-line number</source>
        <translation>手机号或固定电话</translation>
    </message>
    <message>
        <source>C&amp;hannel:</source>
        <translation>受理渠道(&amp;H)：</translation>
    </message>
    <message>
        <source>C&amp;ategory:</source>
        <translation>投诉类别(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>投诉内容(&amp;D)：</translation>
    </message>
    <message>
        <source>What the customer reports</source>
        <translation>客户反映的问题</translation>
    </message>
    <message>
        <source>The company is at fault</source>
        <translation>公司原因造成</translation>
    </message>
    <message>
        <source>Apology given to the customer</source>
        <translation>已向客户致歉</translation>
    </message>
    <message>
        <source>Handling:</source>
        <translation>处理方式：</translation>
    </message>
    <message>
        <source>Register, &amp;keep open (handle later)</source>
        <translation>登记待处理(&amp;K)</translation>
    </message>
    <message>
        <source>Solved on the &amp;spot</source>
        <translation>当场解决(&amp;S)</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>解决办法：</translation>
    </message>
    <message>
        <source>How it was solved</source>
        <translation>解决办法</translation>
    </message>
    <message>
        <source>&amp;Forward to a department</source>
        <translation>转相关部门(&amp;F)</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>处理部门：</translation>
    </message>
    <message>
        <source>due</source>
        <translation>时限</translation>
    </message>
    <message>
        <source>Recall the customer on</source>
        <translation>回访客户日期</translation>
    </message>
    <message>
        <source>New complaint (Ctrl+N)</source>
        <translation>新投诉 (Ctrl+N)</translation>
    </message>
    <message>
        <source>Save and print slip (Ctrl+S)</source>
        <translation>保存并打印受理单 (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>ComplaintsOutages</name>
    <message>
        <source>Outages now and to come (shown in the consultation guide)</source>
        <translation>正在停水及即将停水（咨询指引中会显示）</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新 (F5)</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>片区</translation>
    </message>
    <message>
        <source>From</source>
        <translation>开始</translation>
    </message>
    <message>
        <source>To</source>
        <translation>结束</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Announced by</source>
        <translation>发布人</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>No outage is announced.</source>
        <translation>目前没有停水公告。</translation>
    </message>
    <message>
        <source>&amp;End now (supply restored)</source>
        <translation>立即结束（已恢复供水）(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Withdraw</source>
        <translation>撤销公告(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Area:</source>
        <translation>片区(&amp;A)：</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>停水时间(&amp;F)：</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <source>Rea&amp;son:</source>
        <translation>停水原因(&amp;S)：</translation>
    </message>
    <message>
        <source>e.g. 建设路爆管抢修, 水厂检修</source>
        <translation>例如：建设路爆管抢修、水厂检修</translation>
    </message>
    <message>
        <source>Announce (Ctrl+S)</source>
        <translation>发布公告 (Ctrl+S)</translation>
    </message>
</context>
<context>
    <name>ComplaintsPage</name>
    <message>
        <source>&amp;New complaint</source>
        <translation>受理投诉(&amp;N)</translation>
    </message>
    <message>
        <source>Complaint &amp;list</source>
        <translation>投诉列表(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quick answers (consultation guide)</source>
        <translation>咨询指引(&amp;Q)</translation>
    </message>
    <message>
        <source>Data co&amp;rrections</source>
        <translation>资料更正(&amp;R)</translation>
    </message>
    <message>
        <source>O&amp;utages</source>
        <translation>停水公告(&amp;U)</translation>
    </message>
    <message>
        <source>Depart&amp;ments</source>
        <translation>转办部门(&amp;M)</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>Not saved: {e}</source>
        <translation>未保存：{e}</translation>
    </message>
    <message>
        <source>Saved as {ticket}; printing the slip.</source>
        <translation>已保存，受理编号 {ticket}；正在打印受理单。</translation>
    </message>
    <message>
        <source>Saved as {ticket}; slip printed.</source>
        <translation>已保存，受理编号 {ticket}；受理单已打印。</translation>
    </message>
    <message>
        <source>Printing</source>
        <translation>打印</translation>
    </message>
    <message>
        <source>The complaint is saved, but the slip was not printed ({e}). Print it again from the list.</source>
        <translation>投诉已保存，但受理单未打印（{e}）。请在投诉列表中补打。</translation>
    </message>
    <message>
        <source>Export complaints</source>
        <translation>导出投诉</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>Someone else saved this complaint meanwhile; your entry was NOT saved. The complaint is reloaded below and your text is kept: check it and apply again.</source>
        <translation>其他人已先保存了此投诉，您的记录没有保存。投诉已重新载入，您输入的内容仍保留：请核对后再次执行。</translation>
    </message>
    <message>
        <source>Only a supervisor may see the full value.</source>
        <translation>只有主管可以查看完整值。</translation>
    </message>
    <message>
        <source>The full value could not be shown: {e}</source>
        <translation>无法显示完整值：{e}</translation>
    </message>
    <message>
        <source>Request {n}: {status}.</source>
        <translation>更正申请 {n}：{status}。</translation>
    </message>
    <message>
        <source>The account was changed after the request was filed; nothing applied. Check the record, then reject the request (the clerk files a new one if it is still needed).</source>
        <translation>提交申请后用户资料已被修改，本次更正未执行。请核对现有资料后驳回此申请（如仍需更正，由收费员重新提交）。</translation>
    </message>
    <message>
        <source>The account was changed since it was opened; nothing filed. Open the customer again and file again.</source>
        <translation>打开该用户后其资料已被修改，申请未提交。请重新打开该用户后再提交。</translation>
    </message>
    <message>
        <source>Someone else decided this request meanwhile.</source>
        <translation>其他人已处理了此申请。</translation>
    </message>
    <message>
        <source>Correct value: the format is not valid for this field.</source>
        <translation>正确值：格式不符合该项要求。</translation>
    </message>
    <message>
        <source>Please fill in the value (and a note to reject).</source>
        <translation>请填写正确值（驳回时请填写说明）。</translation>
    </message>
    <message>
        <source>Correct value: it is the same as the record.</source>
        <translation>正确值：与现有资料相同。</translation>
    </message>
    <message>
        <source>Correct value: too long.</source>
        <translation>正确值：过长。</translation>
    </message>
    <message>
        <source>Refused: {c}</source>
        <translation>被拒绝：{c}</translation>
    </message>
    <message>
        <source>Only a supervisor may decide correction requests.</source>
        <translation>只有主管可以审批资料更正申请。</translation>
    </message>
    <message>
        <source>Failed: {e}</source>
        <translation>失败：{e}</translation>
    </message>
</context>
<context>
    <name>CorrectionsWidget</name>
    <message>
        <source>No customer chosen: find the customer on the Search page (Ctrl+1), open the account and press Complaint (F7); the correction is then filed for that account.</source>
        <translation>未选择用户：请在“查询”页（Ctrl+1）找到用户并打开，按“投诉 (F7)”，更正申请即登记在该用户名下。</translation>
    </message>
    <message>
        <source>e.g. ID card shown, property certificate</source>
        <translation>例如：出示身份证、房产证</translation>
    </message>
    <message>
        <source>&amp;File request</source>
        <translation>提交更正申请(&amp;F)</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>用户号</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>项目</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>现有资料</translation>
    </message>
    <message>
        <source>Proposed</source>
        <translation>更正为</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Filed by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Decision note (required to reject)</source>
        <translation>审批意见（驳回时必填）</translation>
    </message>
    <message>
        <source>A&amp;pprove</source>
        <translation>批准(&amp;P)</translation>
    </message>
    <message>
        <source>Re&amp;ject</source>
        <translation>驳回(&amp;J)</translation>
    </message>
    <message>
        <source>&amp;Show full value</source>
        <translation>显示完整值(&amp;S)</translation>
    </message>
    <message>
        <source>Shows the selected request&apos;s proposed ID number or phone in full; recorded in the audit log.</source>
        <translation>显示所选申请中完整的更正后证件号或电话；此操作记入审计日志。</translation>
    </message>
    <message>
        <source>Account:</source>
        <translation>用户：</translation>
    </message>
    <message>
        <source>F&amp;ield:</source>
        <translation>更正项目(&amp;I)：</translation>
    </message>
    <message>
        <source>Correct &amp;value:</source>
        <translation>正确值(&amp;V)：</translation>
    </message>
    <message>
        <source>&amp;Evidence:</source>
        <translation>依据(&amp;E)：</translation>
    </message>
    <message>
        <source>Pending requests</source>
        <translation>待审批的申请</translation>
    </message>
    <message>
        <source>Requests of this customer</source>
        <translation>该用户的更正申请</translation>
    </message>
    <message>
        <source>Full value shown; this was recorded in the audit log.</source>
        <translation>已显示完整值；此操作已记入审计日志。</translation>
    </message>
</context>
<context>
    <name>DepartmentsEditor</name>
    <message>
        <source>&amp;Add</source>
        <translation>添加(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>删除(&amp;D)</translation>
    </message>
    <message>
        <source>Move u&amp;p</source>
        <translation>上移(&amp;P)</translation>
    </message>
    <message>
        <source>Move do&amp;wn</source>
        <translation>下移(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Save (Ctrl+S)</source>
        <translation>保存(&amp;S) (Ctrl+S)</translation>
    </message>
    <message>
        <source>Re&amp;vert</source>
        <translation>还原(&amp;V)</translation>
    </message>
    <message>
        <source>The departments a complaint can be forwarded to, in the order offered (the first is proposed). F2 or typing edits a name.</source>
        <translation>投诉可转办的部门，按列出的顺序供选择（第一个为默认）。按 F2 或直接输入即可修改名称。</translation>
    </message>
    <message>
        <source>The departments a complaint can be forwarded to. Only an administrator can change this list.</source>
        <translation>投诉可转办的部门。此列表只有管理员可以修改。</translation>
    </message>
    <message>
        <source>Saved: {n} departments.</source>
        <translation>已保存：共 {n} 个部门。</translation>
    </message>
    <message>
        <source>Department: a name is empty; type it or delete the row.</source>
        <translation>部门：有一行名称为空，请填写或删除该行。</translation>
    </message>
    <message>
        <source>Department: “{name}” is in the list twice.</source>
        <translation>部门：“{name}”在列表中重复。</translation>
    </message>
    <message>
        <source>Department: “{name}” is longer than 40 characters.</source>
        <translation>部门：“{name}”超过 40 个字。</translation>
    </message>
    <message>
        <source>Department: the list needs at least one name.</source>
        <translation>部门：列表中至少要有一个部门。</translation>
    </message>
    <message>
        <source>Department: refused ({c}).</source>
        <translation>部门：未能保存（{c}）。</translation>
    </message>
    <message>
        <source>Only an administrator can change the department list.</source>
        <translation>只有管理员可以修改转办部门列表。</translation>
    </message>
    <message>
        <source>Not saved: {e}</source>
        <translation>未保存：{e}</translation>
    </message>
    <message>
        <source>Someone else saved the list meanwhile; yours was NOT saved and is kept here. The list saved now is: {names}. Save again to replace it, or Revert to take it.</source>
        <translation>在此期间他人已保存了部门列表；您的修改没有保存，仍保留在此。当前已保存的列表为：{names}。再次保存将替换它，或点“还原”采用它。</translation>
    </message>
</context>
<context>
    <name>GuideWidget</name>
    <message>
        <source>Search the guide: e.g. 停水, 发黄, 阳台, 水价</source>
        <translation>搜索咨询指引：如 停水、发黄、阳台、水价</translation>
    </message>
    <message>
        <source>Nothing in the guide matches.</source>
        <translation>咨询指引中没有匹配的内容。</translation>
    </message>
    <message>
        <source>No customer chosen: open the customer from the search page to see arrears, announced outages and repairs nearby.</source>
        <translation>未选择用户：从查询页打开用户后，这里显示欠费、停水公告和附近的维修投诉。</translation>
    </message>
    <message>
        <source>What the system knows</source>
        <translation>系统中的信息</translation>
    </message>
    <message>
        <source>(1) Arrears: {amount} yuan</source>
        <translation>（1）欠费：{amount} 元</translation>
    </message>
    <message>
        <source>(1) No arrears.</source>
        <translation>（1）无欠费。</translation>
    </message>
    <message>
        <source>(5) Announced outage:</source>
        <translation>（5）停水公告：</translation>
    </message>
    <message>
        <source>(5) No outage announced in this area.</source>
        <translation>（5）本片区无停水公告。</translation>
    </message>
    <message>
        <source>(2) Open pressure complaints nearby:</source>
        <translation>（2）附近未结的水压/停水投诉：</translation>
    </message>
    <message>
        <source>(2) No open repair complaint nearby.</source>
        <translation>（2）附近无未结的维修投诉。</translation>
    </message>
</context>
<context>
    <name>OutagesWidget</name>
    <message>
        <source>Announce an outage</source>
        <translation>发布停水公告</translation>
    </message>
    <message>
        <source>Outages are announced by a supervisor.</source>
        <translation>停水公告由主管发布。</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>停水中</translation>
    </message>
    <message>
        <source>To come</source>
        <translation>未开始</translation>
    </message>
    <message>
        <source>Area: please choose the area.</source>
        <translation>片区：请选择片区。</translation>
    </message>
    <message>
        <source>To: the end must be after the start.</source>
        <translation>结束时间：必须晚于开始时间。</translation>
    </message>
    <message>
        <source>To: the end is already past.</source>
        <translation>结束时间：已经过去了。</translation>
    </message>
    <message>
        <source>Reason: please fill this in.</source>
        <translation>停水原因：请填写。</translation>
    </message>
    <message>
        <source>Announced: {area} {start} – {end}.</source>
        <translation>已发布：{area} {start} – {end}。</translation>
    </message>
    <message>
        <source>End this outage now (the supply is back)?
{what}</source>
        <translation>现在结束这次停水（已恢复供水）吗？
{what}</translation>
    </message>
    <message>
        <source>Withdraw this outage (announced in error)?
{what}</source>
        <translation>撤销这条停水公告（发布有误）吗？
{what}</translation>
    </message>
    <message>
        <source>Announced outages</source>
        <translation>停水公告</translation>
    </message>
    <message>
        <source>Ended: {what}.</source>
        <translation>已结束：{what}。</translation>
    </message>
    <message>
        <source>Withdrawn: {what}.</source>
        <translation>已撤销：{what}。</translation>
    </message>
    <message>
        <source>Area: this area no longer exists.</source>
        <translation>片区：该片区已不存在。</translation>
    </message>
    <message>
        <source>This outage is already over or withdrawn; the list is reloaded.</source>
        <translation>这次停水已经结束或已撤销；列表已重新读取。</translation>
    </message>
    <message>
        <source>Refused: {c}</source>
        <translation>未能保存：{c}</translation>
    </message>
    <message>
        <source>Only a supervisor may change announced outages.</source>
        <translation>只有主管可以修改停水公告。</translation>
    </message>
    <message>
        <source>Not saved: {e}</source>
        <translation>未保存：{e}</translation>
    </message>
</context>
</TS>
