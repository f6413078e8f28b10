<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>BillsModel</name>
    <message>
        <source>Period</source>
        <translation>账期</translation>
    </message>
    <message>
        <source>Usage (t)</source>
        <translation>水量（吨）</translation>
    </message>
    <message>
        <source>Billed</source>
        <translation>账单金额</translation>
    </message>
    <message>
        <source>Owed</source>
        <translation>欠费</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>到期日</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>Payments of account {0}</source>
        <translation>用户 {0} 的缴费记录</translation>
    </message>
    <message>
        <source>Reprint (Ctrl+P)</source>
        <translation>补打 (Ctrl+P)</translation>
    </message>
    <message>
        <source>Reverse (Ctrl+R)</source>
        <translation>冲正 (Ctrl+R)</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>关闭 (Esc)</translation>
    </message>
    <message>
        <source>Paid &amp;from (month)</source>
        <translation>交费月份从(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;to</source>
        <translation>至(&amp;T)</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选</translation>
    </message>
    <message>
        <source>Paid from</source>
        <translation>交费月份（起）</translation>
    </message>
    <message>
        <source>to</source>
        <translation>交费月份（止）</translation>
    </message>
    <message>
        <source>{field}: type a month as 2026-03.</source>
        <translation>{field}：请按 2026-03 的格式输入月份。</translation>
    </message>
    <message>
        <source>Paid from: the month is after the to month.</source>
        <translation>交费月份（起）：起始月份晚于截止月份。</translation>
    </message>
    <message>
        <source>{0} payment(s)</source>
        <translation>共 {0} 笔</translation>
    </message>
    <message>
        <source>No payments in these months.</source>
        <translation>这些月份没有交费记录。</translation>
    </message>
    <message>
        <source>Reprinting {0}...</source>
        <translation>正在补打 {0}…</translation>
    </message>
    <message>
        <source>Reprinted (reprint no. {0}).</source>
        <translation>已补打（第 {0} 次）。</translation>
    </message>
    <message>
        <source>Receipt {0} is already reversed; a payment is reversed once.</source>
        <translation>收据 {0} 已冲正，一笔缴费只能冲正一次。</translation>
    </message>
    <message>
        <source>Open a shift first: a reversal is booked on your shift.</source>
        <translation>请先开班：冲正记在您的班次上。</translation>
    </message>
</context>
<context>
    <name>OpenShiftDialog</name>
    <message>
        <source>No open shift</source>
        <translation>尚未开班</translation>
    </message>
    <message>
        <source>You have no open shift; payments need one. Count the cash in the drawer and open a shift with it (0 if the drawer is empty).</source>
        <translation>您还没有开班，收费需要先开班。请清点钱箱里的现金，用它开班（钱箱为空时填 0）。</translation>
    </message>
    <message>
        <source>Cash &amp;float (yuan)</source>
        <translation>备用金（元）(&amp;F)</translation>
    </message>
    <message>
        <source>Open the shift (Enter)</source>
        <translation>开班 (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Opening the shift...</source>
        <translation>正在开班…</translation>
    </message>
    <message>
        <source>Shift: not open; press Enter to open it.</source>
        <translation>班次：尚未开班；按 Enter 开班。</translation>
    </message>
    <message>
        <source>The shift was not opened ({0}). What you typed is kept; press Enter to try again.</source>
        <translation>未能开班（{0}）。您输入的内容已保留；按 Enter 重试。</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Take payment - {0}</source>
        <translation>收费 - {0}</translation>
    </message>
    <message>
        <source>Confirm (Enter)</source>
        <translation>确认收费 (Enter)</translation>
    </message>
    <message>
        <source>&amp;Abandon this payment</source>
        <translation>放弃这笔缴费(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Waive late fee</source>
        <translation>减免违约金(&amp;W)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Posting...</source>
        <translation>正在入账…</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>完成 (Enter)</translation>
    </message>
    <message>
        <source>Posted: ¥{0}.</source>
        <translation>已入账：¥{0}。</translation>
    </message>
    <message>
        <source>Posted: ¥{amount}. Printing the receipt...</source>
        <translation>已入账：¥{amount}。正在打印收据…</translation>
    </message>
    <message>
        <source>Posted: receipt {no}, ¥{amount}. Press Enter to print the receipt.</source>
        <translation>已入账：收据 {no}，¥{amount}。按 Enter 打印收据。</translation>
    </message>
    <message>
        <source>Done (Esc)</source>
        <translation>完成 (Esc)</translation>
    </message>
    <message>
        <source>Posted: receipt {no}, ¥{amount}. Printing the receipt...</source>
        <translation>已入账：收据 {no}，¥{amount}。正在打印收据…</translation>
    </message>
    <message>
        <source>Posted and printed: receipt {0}.</source>
        <translation>已入账并打印：收据 {0}。</translation>
    </message>
    <message>
        <source>Receipt {0}: </source>
        <translation>收据 {0}：</translation>
    </message>
    <message>
        <source>The payment is posted. Check the printer, then press Enter to print the receipt again.</source>
        <translation>已入账。请检查打印机，然后按 Enter 重打收据。</translation>
    </message>
    <message>
        <source>Print again (Enter)</source>
        <translation>重打 (Enter)</translation>
    </message>
    <message>
        <source>The late fee changed since it was shown; it is read again.</source>
        <translation>违约金已变化，已重新读取。</translation>
    </message>
    <message>
        <source>Close, check later (Esc)</source>
        <translation>关闭，稍后再查 (Esc)</translation>
    </message>
    <message>
        <source>Not posted: nothing was charged. Press Enter to submit again (the same payment, it can post only once), or abandon it.</source>
        <translation>未入账：没有收取任何费用。按 Enter 重新提交（仍是同一笔缴费，只会入账一次），或放弃这笔缴费。</translation>
    </message>
    <message>
        <source>The outcome is unknown ({0}). Do not take the money again: checking whether this payment was posted...</source>
        <translation>结果未知（{0}）。请不要重复收钱：正在查询这笔缴费是否已入账…</translation>
    </message>
    <message>
        <source>The outcome of this payment (submitted before the program was closed) is unknown. Do not take the money again: checking whether it was posted...</source>
        <translation>这笔缴费（程序关闭前提交）的结果未知。请不要重复收钱：正在查询是否已入账…</translation>
    </message>
    <message>
        <source>Abandon this payment</source>
        <translation>放弃这笔缴费</translation>
    </message>
    <message>
        <source>The database says this payment was not posted. Abandon it? Take no money for it; a new payment of this account starts afresh.</source>
        <translation>数据库确认这笔缴费未入账。确定放弃吗？不要为它收钱；该户的下一笔缴费将重新开始。</translation>
    </message>
    <message>
        <source>Checking whether this payment was posted...</source>
        <translation>正在查询这笔缴费是否已入账…</translation>
    </message>
    <message>
        <source>The outcome is still unknown: the database does not answer. Do not take the money again. Checking again in {0} s; press Enter to check now.</source>
        <translation>结果仍然未知：数据库没有响应。请不要重复收钱。{0} 秒后自动再查；按 Enter 立即查询。</translation>
    </message>
    <message>
        <source>The outcome is still unknown ({0}). Do not take the money again; press Enter to check again.</source>
        <translation>结果仍然未知（{0}）。请不要重复收钱；按 Enter 再次查询。</translation>
    </message>
    <message>
        <source>This payment was already posted (no second charge). </source>
        <translation>这笔缴费已经入账（不会重复收费）。</translation>
    </message>
    <message>
        <source>Check again (Enter)</source>
        <translation>再次查询 (Enter)</translation>
    </message>
    <message>
        <source>Print the receipt (Enter)</source>
        <translation>打印收据 (Enter)</translation>
    </message>
    <message>
        <source>The bills were just paid; now owed: ¥{0}. The bills are reloaded.</source>
        <translation>账单刚刚已被缴纳，现欠 {0} 元。已重新读取账单。</translation>
    </message>
</context>
<context>
    <name>PaymentForm</name>
    <message>
        <source>Account {no}   {name}   {address}</source>
        <translation>用户号 {no}   {name}   {address}</translation>
    </message>
    <message>
        <source>Pay chosen bills (F5)</source>
        <translation>缴清所选账单 (F5)</translation>
    </message>
    <message>
        <source>Custom amount, oldest first (F6)</source>
        <translation>自定金额，先缴最早账单 (F6)</translation>
    </message>
    <message>
        <source>Prepayment only (F7)</source>
        <translation>仅预存 (F7)</translation>
    </message>
    <message>
        <source>amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Late fee ¥{fee}, waived ¥{waived} (approved by {who}): ¥{due}</source>
        <translation>违约金 ¥{fee}，减免 ¥{waived}（{who}批准），应收 ¥{due}</translation>
    </message>
    <message>
        <source>Late fee ¥{0} (overdue bills)</source>
        <translation>违约金 ¥{0}（逾期账单）</translation>
    </message>
    <message>
        <source>Due ¥{0}</source>
        <translation>应收 ¥{0}</translation>
    </message>
    <message>
        <source>Change ¥{0}</source>
        <translation>找零 ¥{0}</translation>
    </message>
    <message>
        <source>Short ¥{0}</source>
        <translation>还差 ¥{0}</translation>
    </message>
    <message>
        <source>To prepayment ¥{amount}, balance after ¥{balance}</source>
        <translation>转入预存 ¥{amount}，预存余额 ¥{balance}</translation>
    </message>
    <message>
        <source>Paid to bills ¥{0}</source>
        <translation>已缴账单 ¥{0}</translation>
    </message>
</context>
<context>
    <name>PaymentMessages</name>
    <message>
        <source>Cash amount</source>
        <translation>现金金额</translation>
    </message>
    <message>
        <source>Cash received</source>
        <translation>收款金额</translation>
    </message>
    <message>
        <source>WeChat amount</source>
        <translation>微信金额</translation>
    </message>
    <message>
        <source>WeChat transaction no.</source>
        <translation>微信交易号</translation>
    </message>
    <message>
        <source>Alipay amount</source>
        <translation>支付宝金额</translation>
    </message>
    <message>
        <source>Alipay transaction no.</source>
        <translation>支付宝交易号</translation>
    </message>
    <message>
        <source>Bank card amount</source>
        <translation>银行卡金额</translation>
    </message>
    <message>
        <source>Bank card reference no.</source>
        <translation>银行卡参考号</translation>
    </message>
    <message>
        <source>Prepayment used</source>
        <translation>预存抵扣金额</translation>
    </message>
    <message>
        <source>Amount to pay</source>
        <translation>缴费金额</translation>
    </message>
    <message>
        <source>Custom amount</source>
        <translation>自定金额</translation>
    </message>
    <message>
        <source>Prepayment amount</source>
        <translation>预存金额</translation>
    </message>
    <message>
        <source>Tenders</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Bills</source>
        <translation>账单</translation>
    </message>
    <message>
        <source>Shift</source>
        <translation>班次</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>用户号</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>冲正原因</translation>
    </message>
    <message>
        <source>Supervisor</source>
        <translation>主管</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>缴费记录</translation>
    </message>
    <message>
        <source>Cash float</source>
        <translation>备用金</translation>
    </message>
    <message>
        <source>{field}: enter an amount.</source>
        <translation>{field}：请输入金额。</translation>
    </message>
    <message>
        <source>{field}: not an amount; type digits like 123.45.</source>
        <translation>{field}：不是有效金额，请输入如 123.45 的数字。</translation>
    </message>
    <message>
        <source>{field}: the amount cannot be negative.</source>
        <translation>{field}：金额不能为负数。</translation>
    </message>
    <message>
        <source>{field}: the amount must be above 0.</source>
        <translation>{field}：金额必须大于 0。</translation>
    </message>
    <message>
        <source>{field}: at most two decimals (fen).</source>
        <translation>{field}：最多两位小数（到分）。</translation>
    </message>
    <message>
        <source>{field}: the amount is too large.</source>
        <translation>{field}：金额太大。</translation>
    </message>
    <message>
        <source>{field}: enter the amount of at least one tender.</source>
        <translation>{field}：请至少输入一种付款方式的金额。</translation>
    </message>
    <message>
        <source>{field}: each tender at most once.</source>
        <translation>{field}：每种付款方式只能用一次。</translation>
    </message>
    <message>
        <source>{field}: the cash received is less than the cash amount.</source>
        <translation>{field}：收款金额少于现金金额。</translation>
    </message>
    <message>
        <source>{field}: only cash has an amount received.</source>
        <translation>{field}：只有现金才有实收金额。</translation>
    </message>
    <message>
        <source>{field}: enter the transaction reference.</source>
        <translation>{field}：请输入交易参考号。</translation>
    </message>
    <message>
        <source>{field}: no such account.</source>
        <translation>{field}：没有这个用户。</translation>
    </message>
    <message>
        <source>{field}: your shift is closed or missing; open a shift first.</source>
        <translation>{field}：班次已结束或不存在，请先开班。</translation>
    </message>
    <message>
        <source>{field}: more than is owed on the chosen bills.</source>
        <translation>{field}：超过所选账单的欠费。</translation>
    </message>
    <message>
        <source>{field}: more than the prepayment balance.</source>
        <translation>{field}：超过预存余额。</translation>
    </message>
    <message>
        <source>{field}: the tenders do not cover the amount to pay.</source>
        <translation>{field}：付款金额不足应收金额。</translation>
    </message>
    <message>
        <source>{field}: the prepayment balance can only pay bills.</source>
        <translation>{field}：预存余额只能用于缴账单。</translation>
    </message>
    <message>
        <source>{field}: no receipt series is set up for this hall.</source>
        <translation>{field}：本营业厅没有设置收据号段。</translation>
    </message>
    <message>
        <source>{field}: choose at least one bill.</source>
        <translation>{field}：请至少选择一张账单。</translation>
    </message>
    <message>
        <source>{field}: refused ({detail}).</source>
        <translation>{field}：被拒绝（{detail}）。</translation>
    </message>
    <message>
        <source>Printing failed: {reason}</source>
        <translation>打印失败：{reason}</translation>
    </message>
</context>
<context>
    <name>PaymentOutcome</name>
    <message>
        <source>the connection to the database was lost</source>
        <translation>与数据库的连接中断</translation>
    </message>
    <message>
        <source>an earlier attempt of this payment reached the database</source>
        <translation>这笔缴费之前的一次提交已到达数据库</translation>
    </message>
</context>
<context>
    <name>PaymentsPage</name>
    <message>
        <source>Payments</source>
        <translation>收费</translation>
    </message>
    <message>
        <source>Account no.</source>
        <translation>用户号</translation>
    </message>
    <message>
        <source>type the account no., Enter</source>
        <translation>输入用户号，按 Enter</translation>
    </message>
    <message>
        <source>Take payment (F2)</source>
        <translation>收费 (F2)</translation>
    </message>
    <message>
        <source>Payment history (F3)</source>
        <translation>缴费记录 (F3)</translation>
    </message>
    <message>
        <source>Account no.: type the account number.</source>
        <translation>用户号：请输入用户号。</translation>
    </message>
    <message>
        <source>Loading...</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>{no}  {name}  {address}
Owed ¥{owed} on {bills} bill(s); prepayment balance ¥{balance}</source>
        <translation>{no}  {name}  {address}
欠费 ¥{owed}（{bills} 张账单）；预存余额 ¥{balance}</translation>
    </message>
    <message>
        <source>Account no.: no such account.</source>
        <translation>用户号：没有这个用户。</translation>
    </message>
    <message>
        <source>Could not load the account: {0}</source>
        <translation>无法读取用户：{0}</translation>
    </message>
    <message>
        <source>The outcome of the last payment of this account is unknown. Do not take the money again: press F2 to check whether it was posted.</source>
        <translation>该户上一笔缴费的结果未知。请不要重复收钱：按 F2 查询是否已入账。</translation>
    </message>
    <message>
        <source>The outcome of payments of accounts {0} is unknown (submitted before the program was closed). Do not take the money again: open the account to check whether it was posted.</source>
        <translation>用户 {0} 的缴费结果未知（程序关闭前提交）。请不要重复收钱：打开该户查询是否已入账。</translation>
    </message>
    <message>
        <source>Shift opened.</source>
        <translation>已开班。</translation>
    </message>
    <message>
        <source>Unresolved payments</source>
        <translation>结果未知的缴费</translation>
    </message>
    <message>
        <source>{0} payment(s) have an unknown outcome. They are kept and checked when the account is opened again; do not take the money again meanwhile. Close anyway?</source>
        <translation>有 {0} 笔缴费结果未知。它们会被保留，再次打开该户时会先查询；在此之前请不要重复收钱。仍要关闭吗？</translation>
    </message>
</context>
<context>
    <name>ReversalDialog</name>
    <message>
        <source>Reverse payment {0}</source>
        <translation>冲正缴费 {0}</translation>
    </message>
    <message>
        <source>Receipt {receipt}   account {no} {name}
Amount ¥{amount}   {tenders}
Periods: {periods}</source>
        <translation>收据 {receipt}   用户号 {no} {name}
金额 ¥{amount}   {tenders}
账期：{periods}</translation>
    </message>
    <message>
        <source>Taken {0}; looking up its shift and the reversal policy...</source>
        <translation>收款时间 {0}；正在查询所属班次和冲正规定……</translation>
    </message>
    <message>
        <source>e.g. wrong account</source>
        <translation>例如：收错户</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>冲正原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>主管(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>The supervisor signs in here at this workstation to approve.</source>
        <translation>请主管在本工作站输入用户名和密码审批。</translation>
    </message>
    <message>
        <source>Reverse (Enter)</source>
        <translation>确认冲正 (Enter)</translation>
    </message>
    <message>
        <source>Check again (Enter)</source>
        <translation>再次查询 (Enter)</translation>
    </message>
    <message>
        <source>Print the reversal slip (Enter)</source>
        <translation>打印冲正凭单 (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>this shift</source>
        <translation>本班</translation>
    </message>
    <message>
        <source>shift {0} of {1}, opened {2}</source>
        <translation>第 {0} 班（{1}，{2} 开班）</translation>
    </message>
    <message>
        <source>Taken {when} ({age}) in {shift}.</source>
        <translation>收款时间 {when}（{age}），收于{shift}。</translation>
    </message>
    <message>
        <source>The utility reverses payments on the day they were taken only: this one was taken {0}. It cannot be reversed here.</source>
        <translation>本公司只能冲正当天的收款：这笔收于{0}，不能在此冲正。</translation>
    </message>
    <message>
        <source>This payment was taken {0}.</source>
        <translation>这笔款是{0}收的。</translation>
    </message>
    <message>
        <source>Another shift took this payment.</source>
        <translation>这笔款是其他班次收的。</translation>
    </message>
    <message>
        <source>Say in the reason why it is reversed now.</source>
        <translation>请在原因中说明为何现在冲正。</translation>
    </message>
    <message>
        <source>Its refund is booked in today&apos;s day-close of this shift: {0}.</source>
        <translation>退款记入本班今日日结：{0}。</translation>
    </message>
    <message>
        <source>today</source>
        <translation>今天</translation>
    </message>
    <message numerus="yes">
        <source>%n day(s) ago</source>
        <translation>
            <numerusform>%n 天前</numerusform>
        </translation>
    </message>
    <message>
        <source>Taken {0}; its shift could not be looked up ({1}).</source>
        <translation>收款时间 {0}；未能查到所属班次（{1}）。</translation>
    </message>
    <message>
        <source>Reason: give the reason for the reversal.</source>
        <translation>冲正原因：请填写冲正原因。</translation>
    </message>
    <message>
        <source>Supervisor: type the supervisor&apos;s username.</source>
        <translation>主管：请输入主管用户名。</translation>
    </message>
    <message>
        <source>Password: the supervisor types the password.</source>
        <translation>密码：请主管输入密码。</translation>
    </message>
    <message>
        <source>Reversing...</source>
        <translation>正在冲正…</translation>
    </message>
    <message>
        <source>Done (Enter)</source>
        <translation>完成 (Enter)</translation>
    </message>
    <message>
        <source>Done (Esc)</source>
        <translation>完成 (Esc)</translation>
    </message>
    <message>
        <source>This reversal was booked (not twice). Press Enter to print the reversal slip.</source>
        <translation>这笔冲正已入账（不会重复冲正）。按 Enter 打印冲正凭单。</translation>
    </message>
    <message>
        <source>Reversed. Printing the reversal slip...</source>
        <translation>已冲正。正在打印冲正凭单…</translation>
    </message>
    <message>
        <source>Reversed; the reversal slip is printed.</source>
        <translation>已冲正，冲正凭单已打印。</translation>
    </message>
    <message>
        <source>The reversal is posted.</source>
        <translation>冲正已入账。</translation>
    </message>
    <message>
        <source>Payment: already reversed; a payment is reversed once.</source>
        <translation>缴费记录：该笔已冲正，一笔缴费只能冲正一次。</translation>
    </message>
    <message>
        <source>Supervisor: this user is not a supervisor.</source>
        <translation>主管：该用户不是主管。</translation>
    </message>
    <message>
        <source>Supervisor: supervisors cannot sign in on this workstation.</source>
        <translation>主管：本工作站无法验证主管身份。</translation>
    </message>
    <message>
        <source>Payment: the prepayment it deposited has been used since; reverse the later payments first.</source>
        <translation>缴费记录：该笔转入的预存已被使用，请先冲正之后的缴费。</translation>
    </message>
    <message>
        <source>Shift: your shift is closed; open a shift first.</source>
        <translation>班次：您的班次已结束，请先开班。</translation>
    </message>
    <message>
        <source>Payment: the utility reverses payments on the day they were taken only.</source>
        <translation>收款：本公司只能冲正当天的收款。</translation>
    </message>
    <message>
        <source>The outcome is unknown ({0}). Checking whether the payment was reversed...</source>
        <translation>结果未知（{0}）。正在查询这笔缴费是否已冲正…</translation>
    </message>
    <message>
        <source>Checking whether the payment was reversed...</source>
        <translation>正在查询这笔缴费是否已冲正…</translation>
    </message>
    <message>
        <source>Not reversed: nothing was booked. Press Enter to try again (the same reversal, booked at most once).</source>
        <translation>未冲正：没有记任何账。按 Enter 重试（仍是同一笔冲正，最多入账一次）。</translation>
    </message>
    <message>
        <source>The outcome is still unknown: the database does not answer. Checking again in {0} s; press Enter to check now.</source>
        <translation>结果仍然未知：数据库没有响应。{0} 秒后自动再查；按 Enter 立即查询。</translation>
    </message>
    <message>
        <source>The outcome is still unknown ({0}); press Enter to check again.</source>
        <translation>结果仍然未知（{0}）；按 Enter 再次查询。</translation>
    </message>
</context>
<context>
    <name>SupervisorSignIn</name>
    <message>
        <source>The database does not answer; try again.</source>
        <translation>数据库没有响应，请重试。</translation>
    </message>
    <message>
        <source>Supervisor: wrong username or password.</source>
        <translation>主管：用户名或密码不正确。</translation>
    </message>
</context>
<context>
    <name>TenderPanel</name>
    <message>
        <source>Tender</source>
        <translation>付款方式</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Received / reference no.</source>
        <translation>实收 / 交易参考号</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>received</source>
        <translation>实收</translation>
    </message>
    <message>
        <source>WeChat</source>
        <translation>微信</translation>
    </message>
    <message>
        <source>transaction no.</source>
        <translation>交易号</translation>
    </message>
    <message>
        <source>Alipay</source>
        <translation>支付宝</translation>
    </message>
    <message>
        <source>Bank card</source>
        <translation>银行卡</translation>
    </message>
    <message>
        <source>reference no.</source>
        <translation>参考号</translation>
    </message>
    <message>
        <source>Prepayment balance</source>
        <translation>预存余额</translation>
    </message>
    <message>
        <source>balance ¥{0}</source>
        <translation>余额 ¥{0}</translation>
    </message>
</context>
<context>
    <name>WaiverDialog</name>
    <message>
        <source>Waive the late fee</source>
        <translation>减免违约金</translation>
    </message>
    <message>
        <source>Late fee today: ¥{0}</source>
        <translation>今日违约金：¥{0}</translation>
    </message>
    <message>
        <source>&amp;Amount waived</source>
        <translation>减免金额(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reason</source>
        <translation>原因(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Supervisor</source>
        <translation>主管(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Password</source>
        <translation>密码(&amp;P)</translation>
    </message>
    <message>
        <source>The supervisor signs in here at this workstation to approve.</source>
        <translation>请主管在本机输入账号密码批准。</translation>
    </message>
    <message>
        <source>Waive (Enter)</source>
        <translation>减免 (Enter)</translation>
    </message>
    <message>
        <source>Cancel (Esc)</source>
        <translation>取消 (Esc)</translation>
    </message>
    <message>
        <source>Amount waived: above 0 and at most ¥{0}.</source>
        <translation>减免金额：须大于0且不超过 ¥{0}。</translation>
    </message>
    <message>
        <source>Reason: give the reason for the waiver.</source>
        <translation>原因：请填写减免原因。</translation>
    </message>
    <message>
        <source>Supervisor: type the supervisor&apos;s username.</source>
        <translation>主管：请输入主管用户名。</translation>
    </message>
    <message>
        <source>Password: the supervisor types the password.</source>
        <translation>密码：请主管输入密码。</translation>
    </message>
    <message>
        <source>Waiving...</source>
        <translation>正在减免…</translation>
    </message>
    <message>
        <source>Supervisor: this user is not a supervisor.</source>
        <translation>主管：该用户不是主管。</translation>
    </message>
    <message>
        <source>The late fee changed since it was shown; close and open the payment again.</source>
        <translation>违约金已变化，请关闭后重新打开收费。</translation>
    </message>
</context>
</TS>
