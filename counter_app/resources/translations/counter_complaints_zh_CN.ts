<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ComplaintDetail</name>
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
        <source>&amp;Register (handle later)</source>
        <translation>登记待处理(&amp;R)</translation>
    </message>
    <message>
        <source>Solved on the &amp;spot</source>
        <translation>当场解决(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Forward to a department</source>
        <translation>转相关部门(&amp;F)</translation>
    </message>
    <message>
        <source>How it was solved</source>
        <translation>解决办法</translation>
    </message>
    <message>
        <source>Recall the customer on</source>
        <translation>回访客户日期</translation>
    </message>
    <message>
        <source>Save and print slip (Ctrl+S)</source>
        <translation>保存并打印受理单 (Ctrl+S)</translation>
    </message>
    <message>
        <source>New complaint (Ctrl+N)</source>
        <translation>新投诉 (Ctrl+N)</translation>
    </message>
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
        <source>Handling:</source>
        <translation>处理方式：</translation>
    </message>
    <message>
        <source>Resolution:</source>
        <translation>解决办法：</translation>
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
        <source>12345 hotline</source>
        <translation>12345 热线</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
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
        <source>Price</source>
        <translation>水价</translation>
    </message>
    <message>
        <source>Meter reading</source>
        <translation>抄表</translation>
    </message>
    <message>
        <source>Balcony flow</source>
        <translation>阳台用水</translation>
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
        <source>&amp;Refresh (F5)</source>
        <translation>刷新(&amp;R) (F5)</translation>
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
        <source>Consultation &amp;guide</source>
        <translation>咨询指引(&amp;G)</translation>
    </message>
    <message>
        <source>Data co&amp;rrections</source>
        <translation>资料更正(&amp;R)</translation>
    </message>
    <message>
        <source>Complaints</source>
        <translation>投诉</translation>
    </message>
    <message>
        <source>The request failed: {e}</source>
        <translation>请求失败：{e}</translation>
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
        <source>Request {n}: {status}.</source>
        <translation>更正申请 {n}：{status}。</translation>
    </message>
    <message>
        <source>The account was changed after the request was filed; nothing applied. Reload the customer and file again.</source>
        <translation>提交申请后用户资料已被修改，本次更正未执行。请重新打开该用户后再提交。</translation>
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
        <source>No customer chosen.</source>
        <translation>未选择用户。</translation>
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
</TS>
