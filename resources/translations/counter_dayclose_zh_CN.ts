<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChannelDay</name>
    <message>
        <source>Prepayment deduction</source>
        <translation>预存扣款</translation>
    </message>
    <message>
        <source>Bank withholding</source>
        <translation>银行代扣</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>网上缴费</translation>
    </message>
</context>
<context>
    <name>ChannelDayModel</name>
    <message>
        <source>Channel</source>
        <translation>渠道</translation>
    </message>
    <message>
        <source>Tender</source>
        <translation>收费方式</translation>
    </message>
    <message>
        <source>Payments</source>
        <translation>笔数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>To bills</source>
        <translation>冲抵欠费</translation>
    </message>
    <message>
        <source>To prepayment</source>
        <translation>转入预存</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>收据号段</translation>
    </message>
</context>
<context>
    <name>ChannelDayPanel</name>
    <message>
        <source>Channel money of the day (not in any till)</source>
        <translation>渠道收款日报（不入柜台日结）</translation>
    </message>
    <message>
        <source>&amp;Day:</source>
        <translation>日期(&amp;D)：</translation>
    </message>
    <message>
        <source>E&amp;xport channel report…</source>
        <translation>导出渠道日报(&amp;X)…</translation>
    </message>
    <message>
        <source>{n} payments, {amount}. Reversed that day: {rc}, {ra}. Held in suspense that day: {sc}, {sa}; open now: {oc}, {oa}.</source>
        <translation>共 {n} 笔，{amount}。当日冲正：{rc} 笔，{ra}。当日挂账：{sc} 笔，{sa}；现未处理：{oc} 笔，{oa}。</translation>
    </message>
    <message>
        <source>Only a supervisor may see the channel money.</source>
        <translation>只有主管可以查看渠道收款。</translation>
    </message>
    <message>
        <source>Export the channel report</source>
        <translation>导出渠道收款日报</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>已取消导出：没有写入任何文件。</translation>
    </message>
    <message>
        <source>The Excel file could not be written: {error}</source>
        <translation>无法写入 Excel 文件：{error}</translation>
    </message>
</context>
<context>
    <name>CountGrid</name>
    <message>
        <source>Note</source>
        <translation>面额</translation>
    </message>
    <message>
        <source>Pieces</source>
        <translation>张数</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>¥{value}</source>
        <translation>{value} 元</translation>
    </message>
    <message>
        <source>{jiao} jiao</source>
        <translation>{jiao} 角</translation>
    </message>
    <message>
        <source>not a number</source>
        <translation>不是整数</translation>
    </message>
</context>
<context>
    <name>DayClosePage</name>
    <message>
        <source>Day close</source>
        <translation>日结</translation>
    </message>
    <message>
        <source>Read the totals again (F5)</source>
        <translation>重新读取本班合计（F5）</translation>
    </message>
    <message>
        <source>Refresh (F5)</source>
        <translation>刷新（F5）</translation>
    </message>
    <message>
        <source>No shift is open. Count the cash float in the drawer and open a shift to take payments.</source>
        <translation>当前没有开班。请清点钱箱中的备用金，开班后才能收费。</translation>
    </message>
    <message>
        <source>Cash &amp;float:</source>
        <translation>备用金(&amp;F)：</translation>
    </message>
    <message>
        <source>0.00</source>
        <translation>0.00</translation>
    </message>
    <message>
        <source>&amp;Open shift</source>
        <translation>开班(&amp;O)</translation>
    </message>
    <message>
        <source>Totals of this shift</source>
        <translation>本班合计</translation>
    </message>
    <message>
        <source>Payments:</source>
        <translation>交费笔数：</translation>
    </message>
    <message>
        <source>Reversals:</source>
        <translation>冲正笔数：</translation>
    </message>
    <message>
        <source>Cash float:</source>
        <translation>备用金：</translation>
    </message>
    <message>
        <source>Expected cash in drawer:</source>
        <translation>钱箱应有现金：</translation>
    </message>
    <message>
        <source>Count the cash</source>
        <translation>点钞</translation>
    </message>
    <message>
        <source>Counted:</source>
        <translation>实点：</translation>
    </message>
    <message>
        <source>Expected:</source>
        <translation>应有：</translation>
    </message>
    <message>
        <source>Variance:</source>
        <translation>差额：</translation>
    </message>
    <message>
        <source>&amp;Reason for the variance:</source>
        <translation>差额原因(&amp;R)：</translation>
    </message>
    <message>
        <source>&amp;Close shift...</source>
        <translation>结账(&amp;C)…</translation>
    </message>
    <message>
        <source>&amp;Print the report</source>
        <translation>打印日结单(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;Export to Excel...</source>
        <translation>导出 Excel(&amp;E)…</translation>
    </message>
    <message>
        <source>Open a &amp;new shift</source>
        <translation>开新班(&amp;N)</translation>
    </message>
    <message>
        <source>Shifts of the day in this hall</source>
        <translation>本营业厅今日各班次</translation>
    </message>
    <message>
        <source>{n}, of which late fees ¥{fee}</source>
        <translation>{n}（其中违约金 ¥{fee}）</translation>
    </message>
    <message>
        <source>Shift {id} open since {time}</source>
        <translation>第 {id} 班，{time} 开班</translation>
    </message>
    <message>
        <source>No open shift</source>
        <translation>未开班</translation>
    </message>
    <message>
        <source>Shift {id} is open.</source>
        <translation>第 {id} 班已开班。</translation>
    </message>
    <message>
        <source>&amp;Reason for the variance (required):</source>
        <translation>差额原因（必填）(&amp;R)：</translation>
    </message>
    <message>
        <source>Count of {note}: type a whole number of pieces.</source>
        <translation>点钞 {note}：请输入整数张数。</translation>
    </message>
    <message>
        <source>Reason for the variance: the count differs from the expected cash by {v}; give the reason.</source>
        <translation>差额原因：实点现金与应有现金相差 {v}，请填写差额原因。</translation>
    </message>
    <message>
        <source>Close the shift</source>
        <translation>结账</translation>
    </message>
    <message>
        <source>Close shift {id}? Counted {counted}, expected {expected}, variance {variance}.
A closed shift is locked: no payment can be posted on it.</source>
        <translation>确定结账第 {id} 班吗？实点 {counted}，应有 {expected}，差额 {variance}。
结账后本班锁定，不能再收费。</translation>
    </message>
    <message>
        <source>Close and lock</source>
        <translation>结账并锁定</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Shift {id} is closed and locked: no payment can be posted on it. Counted {counted}, variance {variance}.</source>
        <translation>第 {id} 班已结账并锁定，不能再收费。实点 {counted}，差额 {variance}。</translation>
    </message>
    <message>
        <source>Shift {id} closed</source>
        <translation>第 {id} 班已结账</translation>
    </message>
    <message>
        <source>Printing the day-close report...</source>
        <translation>正在打印日结单…</translation>
    </message>
    <message>
        <source>The day-close report was printed. You can export it to Excel.</source>
        <translation>日结单已打印。可以导出 Excel。</translation>
    </message>
    <message>
        <source>The report was not printed. {problem} The shift stays closed; print again when the printer is ready.</source>
        <translation>日结单没有打印。{problem} 本班仍为已结账；打印机就绪后请重新打印。</translation>
    </message>
    <message>
        <source>Export the day-close report</source>
        <translation>导出日结单</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel 文件 (*.xlsx)</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Export cancelled: no file was written.</source>
        <translation>已取消导出：没有写入任何文件。</translation>
    </message>
    <message>
        <source>Exported to {path}.</source>
        <translation>已导出到 {path}。</translation>
    </message>
    <message>
        <source>The Excel file could not be written: {error}</source>
        <translation>无法写入 Excel 文件：{error}</translation>
    </message>
</context>
<context>
    <name>DayCloseTexts</name>
    <message>
        <source>Cash float: cannot be negative.</source>
        <translation>备用金：不能为负数。</translation>
    </message>
    <message>
        <source>A shift of yours is already open; it is shown now.</source>
        <translation>您已有一个未结账的班次，现已显示。</translation>
    </message>
    <message>
        <source>This shift is already closed and locked; no payment can be posted on it.</source>
        <translation>本班已结账并锁定，不能再收费。</translation>
    </message>
    <message>
        <source>Reason for the variance: counted cash differs from the expected; give the reason.</source>
        <translation>差额原因：实点现金与应有现金不符，请填写差额原因。</translation>
    </message>
    <message>
        <source>Count: unknown denomination {field}.</source>
        <translation>点钞：未知面额 {field}。</translation>
    </message>
    <message>
        <source>The shift was not found; press F5.</source>
        <translation>找不到该班次，请按 F5 刷新。</translation>
    </message>
    <message>
        <source>The shift is not closed yet.</source>
        <translation>该班次尚未结账。</translation>
    </message>
    <message>
        <source>The shift could not be saved: {error}</source>
        <translation>班次无法保存：{error}</translation>
    </message>
</context>
<context>
    <name>ResolveDialog</name>
    <message>
        <source>Resolve held order {ref}</source>
        <translation>处理挂账订单 {ref}</translation>
    </message>
    <message>
        <source>Amount:</source>
        <translation>金额：</translation>
    </message>
    <message>
        <source>Why held:</source>
        <translation>挂账原因：</translation>
    </message>
    <message>
        <source>&amp;Action:</source>
        <translation>处理方式(&amp;A)：</translation>
    </message>
    <message>
        <source>A&amp;ccount no.:</source>
        <translation>户号(&amp;C)：</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>原因(&amp;R)：</translation>
    </message>
</context>
<context>
    <name>ShiftsOfDayModel</name>
    <message>
        <source>Clerk</source>
        <translation>收费员</translation>
    </message>
    <message>
        <source>Workstation</source>
        <translation>工作站</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>开班</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Expected cash</source>
        <translation>应有现金</translation>
    </message>
    <message>
        <source>Counted</source>
        <translation>实点</translation>
    </message>
    <message>
        <source>Variance</source>
        <translation>差额</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未结账</translation>
    </message>
    <message>
        <source>Closed {time}</source>
        <translation>{time} 已结账</translation>
    </message>
</context>
<context>
    <name>Suspense</name>
    <message>
        <source>Unknown account</source>
        <translation>户号不存在</translation>
    </message>
    <message>
        <source>Closed account</source>
        <translation>已销户</translation>
    </message>
    <message>
        <source>More than owed</source>
        <translation>超额缴费</translation>
    </message>
    <message>
        <source>Posted to its account</source>
        <translation>入本户(先抵欠费，余额预存)</translation>
    </message>
    <message>
        <source>Posted to another account</source>
        <translation>转入其他户</translation>
    </message>
    <message>
        <source>Refunded</source>
        <translation>已退款</translation>
    </message>
    <message>
        <source>Give the reason.</source>
        <translation>请填写原因。</translation>
    </message>
    <message>
        <source>Give the account number to post it to.</source>
        <translation>请填写转入的户号。</translation>
    </message>
    <message>
        <source>Another supervisor resolved it already; the list is refreshed.</source>
        <translation>已被其他主管处理，列表已刷新。</translation>
    </message>
    <message>
        <source>The order names no known account: post it to another account.</source>
        <translation>订单户号不存在，请转入其他户。</translation>
    </message>
    <message>
        <source>No account with this number.</source>
        <translation>没有此户号。</translation>
    </message>
    <message>
        <source>That account is closed.</source>
        <translation>该户已销户。</translation>
    </message>
    <message>
        <source>Only a supervisor may do this.</source>
        <translation>只有主管可以处理。</translation>
    </message>
    <message>
        <source>Refused: {error}</source>
        <translation>被拒绝：{error}</translation>
    </message>
</context>
<context>
    <name>SuspenseModel</name>
    <message>
        <source>Order</source>
        <translation>订单</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>户号</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Why held</source>
        <translation>挂账原因</translation>
    </message>
    <message>
        <source>Paid at</source>
        <translation>支付时间</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
</context>
<context>
    <name>SuspensePanel</name>
    <message>
        <source>Channel money held (suspense)</source>
        <translation>渠道挂账（未入账款项）</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>未处理</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>已处理</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>Re&amp;solve…</source>
        <translation>处理(&amp;S)…</translation>
    </message>
    <message>
        <source>Re&amp;load</source>
        <translation>刷新(&amp;L)</translation>
    </message>
    <message>
        <source>{count} open, {amount}</source>
        <translation>未处理 {count} 笔，{amount}</translation>
    </message>
</context>
<context>
    <name>TenderTotalsModel</name>
    <message>
        <source>Tender</source>
        <translation>收费方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
</context>
</TS>
