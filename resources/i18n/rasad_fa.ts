<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR" sourcelanguage="en">
<context>
    <name>AboutPage</name>
    <message>
        <source>About</source>
        <translation>دربارهٔ برنامه</translation>
    </message>
    <message>
        <source>Attachments folder:</source>
        <translation>پوشهٔ پیوست‌ها:</translation>
    </message>
    <message>
        <source>Data folder:</source>
        <translation>پوشهٔ داده‌ها:</translation>
    </message>
    <message>
        <source>Database:</source>
        <translation>پایگاه داده:</translation>
    </message>
    <message>
        <source>Font licence</source>
        <translation>پروانهٔ قلم</translation>
    </message>
    <message>
        <source>Hide the licence text</source>
        <translation>پنهان کردن متن پروانه</translation>
    </message>
    <message>
        <source>Log folder:</source>
        <translation>پوشهٔ ثبت رخدادها:</translation>
    </message>
    <message>
        <source>Monitoring the realization of the province's budget resources</source>
        <translation>رصد تحقق منابع بودجهٔ استان</translation>
    </message>
    <message>
        <source>Our commitments</source>
        <translation>تعهدات ما</translation>
    </message>
    <message>
        <source>Show the licence text</source>
        <translation>نمایش متن پروانه</translation>
    </message>
    <message>
        <source>The interface and the reports use the Vazirmatn font (by Saber Rastikerdar), distributed under the SIL Open Font License, version 1.1.</source>
        <translation>رابط کاربری و گزارش‌ها از قلم وزیرمتن (اثر صابر راستی‌کردار) بهره می‌گیرند که با پروانهٔ SIL Open Font License، نسخهٔ ۱٫۱، منتشر شده است.</translation>
    </message>
    <message>
        <source>The licence file is missing from this installation: {0}</source>
        <translation>فایل پروانه در این نسخهٔ نصب‌شده نیست: {0}</translation>
    </message>
    <message>
        <source>The service is free of charge. The information recorded in Rasad is kept confidential: each role sees and changes only what it is allowed to, and every change is recorded in the audit trail. A forgotten password is reset only by the system administrator, and the temporary password must be changed at the next sign-in. Maintenance that makes the service unavailable is announced in advance.</source>
        <translation>این خدمت رایگان است. اطلاعات ثبت‌شده در رصد منابع محرمانه نگهداری می‌شود: هر نقش فقط آنچه را اجازه دارد می‌بیند و تغییر می‌دهد، و هر تغییر در سابقهٔ ممیزی ثبت می‌شود. گذرواژهٔ فراموش‌شده را فقط مدیر سامانه بازنشانی می‌کند و گذرواژهٔ موقت باید در ورود بعدی تغییر کند. نگهداری‌ای که خدمت را از دسترس خارج کند، از پیش اطلاع‌رسانی می‌شود.</translation>
    </message>
    <message>
        <source>Version {0}</source>
        <translation>نسخهٔ {0}</translation>
    </message>
    <message>
        <source>Where the data is</source>
        <translation>محل نگهداری داده‌ها</translation>
    </message>
</context>
<context>
    <name>AddUserDialog</name>
    <message>
        <source>A password is generated and shown to you once; the user must change it at their first sign-in.</source>
        <translation>گذرواژه‌ای ساخته می‌شود و فقط یک بار به شما نمایش داده می‌شود؛ کاربر باید آن را در نخستین ورود تغییر دهد.</translation>
    </message>
    <message>
        <source>Add a user</source>
        <translation>افزودن کاربر</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Create user</source>
        <translation>ایجاد کاربر</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>نام و نام خانوادگی:</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>نقش:</translation>
    </message>
    <message>
        <source>Title (printed under the name as preparer):</source>
        <translation>سمت (زیر نام تهیه‌کننده چاپ می‌شود):</translation>
    </message>
    <message>
        <source>User name (Latin letters):</source>
        <translation>نام کاربری (با حروف لاتین):</translation>
    </message>
</context>
<context>
    <name>AgenciesModel</name>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>دستگاه اجرایی</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
</context>
<context>
    <name>AgenciesTab</name>
    <message>
        <source>Activate</source>
        <translation>فعال کردن</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Agency {0} was activated.</source>
        <translation>دستگاه {0} فعال شد.</translation>
    </message>
    <message>
        <source>Agency {0} was deactivated.</source>
        <translation>دستگاه {0} غیرفعال شد.</translation>
    </message>
    <message>
        <source>Agency {0} was saved.</source>
        <translation>دستگاه {0} ذخیره شد.</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>کد:</translation>
    </message>
    <message>
        <source>Deactivate</source>
        <translation>غیرفعال کردن</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>نام:</translation>
    </message>
    <message>
        <source>New agency</source>
        <translation>دستگاه جدید</translation>
    </message>
    <message>
        <source>Save the agency</source>
        <translation>ذخیرهٔ دستگاه</translation>
    </message>
</context>
<context>
    <name>AgencyDetailDialog</name>
    <message>
        <source>Agency detail</source>
        <translation>جزئیات دستگاه اجرایی</translation>
    </message>
    <message>
        <source>Agency detail: {0}</source>
        <translation>جزئیات دستگاه اجرایی: {0}</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <source>Total: approved {0}, period share {1}, collected {2} ({3} of the period share), same period last year {4}, growth {5}</source>
        <translation>جمع: مصوب {0}، سهم دوره {1}، وصولی {2} (تحقق {3} سهم دوره)، وصولی مدت مشابه سال قبل {4}، رشد {5}</translation>
    </message>
    <message>
        <source>amounts in {0}</source>
        <translation>ارقام: {0}</translation>
    </message>
    <message>
        <source>{0} (code {1})</source>
        <translation>{0} (کد {1})</translation>
    </message>
</context>
<context>
    <name>AgencyDetailModel</name>
    <message>
        <source>% of period share</source>
        <translation>درصد تحقق سهم دوره</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>مصوب</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>وصولی</translation>
    </message>
    <message>
        <source>Growth %</source>
        <translation>درصد رشد</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>شرح ردیف</translation>
    </message>
    <message>
        <source>Period share</source>
        <translation>سهم دوره</translation>
    </message>
    <message>
        <source>Same period last year</source>
        <translation>وصولی مدت مشابه سال قبل</translation>
    </message>
</context>
<context>
    <name>AgencyTableModel</name>
    <message>
        <source>% of annual</source>
        <translation>درصد تحقق سالانه</translation>
    </message>
    <message>
        <source>% of period share</source>
        <translation>درصد تحقق سهم دوره</translation>
    </message>
    <message>
        <source>Agency</source>
        <translation>دستگاه اجرایی</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>مصوب</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>وصولی</translation>
    </message>
    <message>
        <source>Growth %</source>
        <translation>درصد رشد</translation>
    </message>
    <message>
        <source>Period share</source>
        <translation>سهم دوره</translation>
    </message>
    <message>
        <source>Rank</source>
        <translation>رتبه</translation>
    </message>
    <message>
        <source>Same period last year</source>
        <translation>وصولی مدت مشابه سال قبل</translation>
    </message>
    <message>
        <source>Share of total</source>
        <translation>سهم از کل</translation>
    </message>
</context>
<context>
    <name>ApprovedModel</name>
    <message>
        <source> (earmarked)</source>
        <translation> (اختصاصی)</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>مصوب</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>ستون بودجه</translation>
    </message>
    <message>
        <source>Earmarked revenue</source>
        <translation>درآمد اختصاصی</translation>
    </message>
    <message>
        <source>Enter the approved amount of this line.</source>
        <translation>مبلغ مصوب این ردیف را وارد کنید.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>ردیف</translation>
    </message>
    <message>
        <source>Monthly schedule</source>
        <translation>برنامهٔ ماهانه</translation>
    </message>
    <message>
        <source>Revised</source>
        <translation>اصلاحی</translation>
    </message>
    <message>
        <source>The amount after an amendment; leave empty when there is none.</source>
        <translation>مبلغ پس از اصلاحیه؛ اگر اصلاحیه‌ای نیست، خالی بگذارید.</translation>
    </message>
    <message>
        <source>communicated</source>
        <translation>ابلاغی</translation>
    </message>
    <message>
        <source>even split</source>
        <translation>یکنواخت</translation>
    </message>
    <message>
        <source>new line</source>
        <translation>ردیف جدید</translation>
    </message>
</context>
<context>
    <name>ApprovedTab</name>
    <message>
        <source>Add the line</source>
        <translation>افزودن ردیف</translation>
    </message>
    <message>
        <source>Agency:</source>
        <translation>دستگاه:</translation>
    </message>
    <message>
        <source>Choose a line of this year's classification from the list.</source>
        <translation>ردیفی از طبقه‌بندی امسال را از فهرست انتخاب کنید.</translation>
    </message>
    <message>
        <source>Choose a saved line of the grid first.</source>
        <translation>نخست یکی از ردیف‌های ذخیره‌شدهٔ جدول را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Column:</source>
        <translation>ستون:</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>ردیف:</translation>
    </message>
    <message>
        <source>Monthly schedule…</source>
        <translation>برنامهٔ ماهانه…</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the cells marked in red first.</source>
        <translation>چیزی ذخیره نشد: نخست خانه‌های قرمزشده را اصلاح کنید.</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>ذخیره (Ctrl+S)</translation>
    </message>
    <message>
        <source>Saved: {0} lines changed.</source>
        <translation>ذخیره شد: {0} ردیف تغییر کرد.</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>بازگرداندن تغییرات</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
    <message>
        <source>{0} lines — approved: {1} — in force: {2} {3}</source>
        <translation>{0} ردیف — مصوب: {1} — مصوب نهایی: {2} {3}</translation>
    </message>
</context>
<context>
    <name>AssignAgenciesDialog</name>
    <message>
        <source>(now workstation {0})</source>
        <translation>(اکنون ایستگاه {0})</translation>
    </message>
    <message>
        <source>Agencies of a workstation</source>
        <translation>دستگاه‌های یک ایستگاه</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Find by code or name</source>
        <translation>جست‌وجو با کد یا نام</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>جست‌وجو:</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Tick the agencies whose figures workstation {0} «{1}» enters. Their figures are then refused at every other workstation; an agency nobody has is entered anywhere.</source>
        <translation>دستگاه‌هایی را علامت بزنید که ارقامشان را ایستگاه {0} «{1}» وارد می‌کند. ارقام این دستگاه‌ها در ایستگاه‌های دیگر پذیرفته نمی‌شود؛ ارقام دستگاهی که به هیچ ایستگاهی سپرده نشده، در هر ایستگاهی وارد می‌شود.</translation>
    </message>
</context>
<context>
    <name>AttachmentsPanel</name>
    <message>
        <source>Attach a file</source>
        <translation>پیوست کردن پرونده</translation>
    </message>
    <message>
        <source>Attach a file…</source>
        <translation>پیوست کردن پرونده…</translation>
    </message>
    <message>
        <source>Attached: {0}</source>
        <translation>پیوست شد: {0}</translation>
    </message>
    <message>
        <source>Attaching…</source>
        <translation>در حال پیوست…</translation>
    </message>
    <message>
        <source>Documents and images (*.pdf *.png *.jpg *.jpeg *.docx *.xlsx *.txt)</source>
        <translation>اسناد و تصاویر (*.pdf *.png *.jpg *.jpeg *.docx *.xlsx *.txt)</translation>
    </message>
    <message>
        <source>Save a copy of the attachment</source>
        <translation>ذخیرهٔ یک نسخه از پیوست</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>ذخیرهٔ یک نسخه…</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>در حال ذخیره…</translation>
    </message>
    <message>
        <source>{0} — {1} KB — {2}, {3}</source>
        <translation>{0} — {1} کیلوبایت — {2}، {3}</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>Account locked</source>
        <translation>قفل کردن حساب</translation>
    </message>
    <message>
        <source>Account locked for a while after wrong passwords</source>
        <translation>قفل موقت حساب پس از گذرواژهٔ نادرست پیاپی</translation>
    </message>
    <message>
        <source>Account unlocked</source>
        <translation>بازکردن قفل حساب</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>رویداد</translation>
    </message>
    <message>
        <source>After</source>
        <translation>پس از تغییر</translation>
    </message>
    <message>
        <source>Agency created</source>
        <translation>تعریف دستگاه اجرایی</translation>
    </message>
    <message>
        <source>Agency saved</source>
        <translation>ویرایش دستگاه اجرایی</translation>
    </message>
    <message>
        <source>Approved amount set</source>
        <translation>ثبت مبلغ مصوب</translation>
    </message>
    <message>
        <source>Attachment added to a request</source>
        <translation>افزودن پیوست به درخواست</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>پیش از تغییر</translation>
    </message>
    <message>
        <source>Budget line created</source>
        <translation>تعریف ردیف بودجه</translation>
    </message>
    <message>
        <source>Budget lines copied from another year</source>
        <translation>رونوشت ردیف‌های بودجه از سال دیگر</translation>
    </message>
    <message>
        <source>Collection deleted</source>
        <translation>حذف رقم وصولی</translation>
    </message>
    <message>
        <source>Collection entered or changed</source>
        <translation>ثبت یا ویرایش رقم وصولی</translation>
    </message>
    <message>
        <source>Collections loaded in bulk</source>
        <translation>بارگذاری گروهی وصولی‌ها</translation>
    </message>
    <message>
        <source>Demo province loaded</source>
        <translation>بارگذاری استان نمونه</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Fiscal year created</source>
        <translation>تعریف سال مالی</translation>
    </message>
    <message>
        <source>ID</source>
        <translation>شناسه</translation>
    </message>
    <message>
        <source>Monthly schedule set</source>
        <translation>ثبت برنامهٔ ماهانه</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>ردیف</translation>
    </message>
    <message>
        <source>Note added to a request</source>
        <translation>افزودن یادداشت به درخواست</translation>
    </message>
    <message>
        <source>Notice posted</source>
        <translation>انتشار اطلاعیه</translation>
    </message>
    <message>
        <source>Office setting changed</source>
        <translation>تغییر تنظیمات اداره</translation>
    </message>
    <message>
        <source>Password changed</source>
        <translation>تغییر گذرواژه</translation>
    </message>
    <message>
        <source>Password reset by the administrator</source>
        <translation>بازنشانی گذرواژه توسط مدیر سامانه</translation>
    </message>
    <message>
        <source>Period locked</source>
        <translation>بستن دوره</translation>
    </message>
    <message>
        <source>Period unlocked</source>
        <translation>بازکردن دوره</translation>
    </message>
    <message>
        <source>Report issued</source>
        <translation>صدور گزارش</translation>
    </message>
    <message>
        <source>Request answered</source>
        <translation>پاسخ به درخواست</translation>
    </message>
    <message>
        <source>Request looked up by its code</source>
        <translation>جست‌وجوی درخواست با کد رهگیری</translation>
    </message>
    <message>
        <source>Request registered</source>
        <translation>ثبت درخواست</translation>
    </message>
    <message>
        <source>Request reopened</source>
        <translation>بازگشایی درخواست</translation>
    </message>
    <message>
        <source>Request status changed</source>
        <translation>تغییر وضعیت درخواست</translation>
    </message>
    <message>
        <source>Role changed</source>
        <translation>تغییر نقش کاربر</translation>
    </message>
    <message>
        <source>Signed in</source>
        <translation>ورود به سامانه</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>زمان</translation>
    </message>
    <message>
        <source>User</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>تعریف کاربر</translation>
    </message>
    <message>
        <source>Wrong password at sign-in</source>
        <translation>گذرواژهٔ نادرست هنگام ورود</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>(this computer's local dates)</source>
        <translation>(تاریخ محلی این رایانه)</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>رویداد:</translation>
    </message>
    <message>
        <source>Anchor to write down outside the system (audit verify --anchor checks it later): {0}</source>
        <translation>لنگر برای یادداشت بیرون از سامانه (بعدها با audit verify --anchor بررسی می‌شود): {0}</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>گزارش رویدادها</translation>
    </message>
    <message>
        <source>Clear the filters</source>
        <translation>پاک کردن پالایه‌ها</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>تاریخ:</translation>
    </message>
    <message>
        <source>Entity:</source>
        <translation>موضوع:</translation>
    </message>
    <message>
        <source>Every change is recorded here: who made it, when, and the values before and after. The records are chained by hash, so a record edited, deleted or added afterwards is found by "Verify the chain".</source>
        <translation>هر تغییری در اینجا ثبت می‌شود: چه کسی، چه زمانی، و مقدارهای پیش و پس از تغییر. رویدادها با چکیده (هش) به هم زنجیر شده‌اند؛ رویدادی که پس از ثبت ویرایش، حذف یا افزوده شده باشد با «بررسی زنجیره» پیدا می‌شود.</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>پالایش</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>No record matches these filters.</source>
        <translation>هیچ رویدادی با این پالایه‌ها پیدا نشد.</translation>
    </message>
    <message>
        <source>Recompute the hash of every record, oldest first, and compare it with the stored one.</source>
        <translation>چکیدهٔ همهٔ رویدادها از قدیمی‌ترین دوباره حساب و با چکیدهٔ ثبت‌شده مقایسه می‌شود.</translation>
    </message>
    <message>
        <source>The audit trail has been tampered with: {0} problems in {1} records checked.</source>
        <translation>گزارش رویدادها دستکاری شده است: {0} مشکل در {1} رویداد بررسی‌شده.</translation>
    </message>
    <message>
        <source>The audit trail is intact: {0} records checked; none was changed, deleted or added afterwards.</source>
        <translation>گزارش رویدادها سالم است: {0} رویداد بررسی شد و هیچ‌کدام پس از ثبت تغییر نکرده، حذف یا افزوده نشده است.</translation>
    </message>
    <message>
        <source>The data matches the trail: {0} parts of it (collections, approved amounts, closed months, users, issued reports) compared.</source>
        <translation>داده‌ها با گزارش رویدادها می‌خواند: {0} بخش از آن (وصولی‌ها، مبلغ‌های مصوب، ماه‌های بسته، کاربران، گزارش‌های صادرشده) مقایسه شد.</translation>
    </message>
    <message>
        <source>The data was changed outside Rasad: {0} parts differ from what the trail recorded.</source>
        <translation>داده‌ها بیرون از سامانه تغییر کرده‌اند: {0} بخش با آنچه گزارش رویدادها ثبت کرده است نمی‌خواند.</translation>
    </message>
    <message>
        <source>The newest {0} records are shown; narrow the filters to reach older ones.</source>
        <translation>{0} رویداد تازه‌تر نمایش داده شده است؛ برای دیدن رویدادهای قدیمی‌تر پالایه‌ها را محدودتر کنید.</translation>
    </message>
    <message>
        <source>The start date is after the end date.</source>
        <translation>تاریخ آغاز پس از تاریخ پایان است.</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>کاربر:</translation>
    </message>
    <message>
        <source>Verify the chain</source>
        <translation>بررسی زنجیره</translation>
    </message>
    <message>
        <source>Verifying the audit trail…</source>
        <translation>در حال بررسی گزارش رویدادها…</translation>
    </message>
    <message>
        <source>any action — e.g. user</source>
        <translation>همهٔ رویدادها — مثلاً user</translation>
    </message>
    <message>
        <source>any entity</source>
        <translation>همهٔ موضوع‌ها</translation>
    </message>
    <message>
        <source>any user</source>
        <translation>همهٔ کاربران</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>{0} records.</source>
        <translation>{0} رویداد.</translation>
    </message>
    <message>
        <source>…and {0} more.</source>
        <translation>…و {0} مشکل دیگر.</translation>
    </message>
</context>
<context>
    <name>BudgetPage</name>
    <message>
        <source>Agencies</source>
        <translation>دستگاه‌های اجرایی</translation>
    </message>
    <message>
        <source>Approved amounts</source>
        <translation>مبالغ مصوب</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>بودجه</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>طبقه‌بندی</translation>
    </message>
    <message>
        <source>Fiscal year:</source>
        <translation>سال مالی:</translation>
    </message>
    <message>
        <source>Fiscal years</source>
        <translation>سال‌های مالی</translation>
    </message>
    <message>
        <source>Monthly schedule</source>
        <translation>برنامهٔ ماهانه</translation>
    </message>
    <message>
        <source>Period locks</source>
        <translation>بستن دوره‌ها</translation>
    </message>
    <message>
        <source>The budget has unsaved changes. Save them?</source>
        <translation>تغییرات بودجه هنوز ذخیره نشده است. ذخیره شود؟</translation>
    </message>
    <message>
        <source>This year vs last year</source>
        <translation>مقایسه با سال قبل</translation>
    </message>
</context>
<context>
    <name>BudgetTab</name>
    <message>
        <source> (inactive)</source>
        <translation> (غیرفعال)</translation>
    </message>
</context>
<context>
    <name>BudgetTableModel</name>
    <message>
        <source>A budget amount cannot be negative.</source>
        <translation>مبلغ بودجه نمی‌تواند منفی باشد.</translation>
    </message>
</context>
<context>
    <name>ChangePasswordDialog</name>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>تغییر گذرواژه</translation>
    </message>
    <message>
        <source>Choose a new password.</source>
        <translation>گذرواژهٔ تازه‌ای برگزینید.</translation>
    </message>
    <message>
        <source>Current password:</source>
        <translation>گذرواژهٔ فعلی:</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>گذرواژهٔ تازه:</translation>
    </message>
    <message>
        <source>Repeat the new password:</source>
        <translation>تکرار گذرواژهٔ تازه:</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>The two new passwords are not the same.</source>
        <translation>دو گذرواژهٔ تازه یکسان نیستند.</translation>
    </message>
    <message>
        <source>Your password was reset by the administrator. Choose a new password before you go on.</source>
        <translation>گذرواژهٔ شما را مدیر سامانه بازنشانی کرده است. پیش از ادامه، گذرواژهٔ تازه‌ای برگزینید.</translation>
    </message>
</context>
<context>
    <name>ClassificationTab</name>
    <message>
        <source>A code's group must exist first: 110000 before 110100, and 110100 before 110104.</source>
        <translation>گروه بالاتر هر کد باید از پیش تعریف شده باشد: ۱۱۰۰۰۰ پیش از ۱۱۰۱۰۰ و ۱۱۰۱۰۰ پیش از ۱۱۰۱۰۴.</translation>
    </message>
    <message>
        <source>Add the line</source>
        <translation>افزودن ردیف</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Code:</source>
        <translation>کد:</translation>
    </message>
    <message>
        <source>Earmarked</source>
        <translation>اختصاصی</translation>
    </message>
    <message>
        <source>Earmarked revenue</source>
        <translation>درآمد اختصاصی</translation>
    </message>
    <message>
        <source>General</source>
        <translation>عمومی</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>سطح</translation>
    </message>
    <message>
        <source>Line {0} was added.</source>
        <translation>ردیف {0} افزوده شد.</translation>
    </message>
    <message>
        <source>Revenue</source>
        <translation>نوع درآمد</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>six digits, e.g. 110104</source>
        <translation>شش رقم، مانند ۱۱۰۱۰۴</translation>
    </message>
    <message>
        <source>{0} codes, of which {1} earmarked.</source>
        <translation>{0} کد، از جمله {1} ردیف درآمد اختصاصی.</translation>
    </message>
</context>
<context>
    <name>ComparisonModel</name>
    <message>
        <source>Agency</source>
        <translation>دستگاه اجرایی</translation>
    </message>
    <message>
        <source>Approved {0}</source>
        <translation>مصوب {0}</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>تغییر</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Growth %</source>
        <translation>درصد رشد</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>شرح ردیف</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>جمع</translation>
    </message>
</context>
<context>
    <name>ComparisonTab</name>
    <message>
        <source>Amounts in force in {0} beside {1}.</source>
        <translation>مصوب نهایی سال {0} در کنار سال {1}.</translation>
    </message>
    <message>
        <source>By agency</source>
        <translation>به تفکیک دستگاه اجرایی</translation>
    </message>
    <message>
        <source>By classification line</source>
        <translation>به تفکیک ردیف طبقه‌بندی</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <source>Neither year has approved amounts.</source>
        <translation>هیچ‌یک از دو سال مبلغ مصوبی ندارد.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>نمایش:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
</context>
<context>
    <name>ConflictsModel</name>
    <message>
        <source>By, at</source>
        <translation>کاربر، زمان</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>Its value</source>
        <translation>مقدار آن</translation>
    </message>
    <message>
        <source>Value here</source>
        <translation>مقدار این‌جا</translation>
    </message>
    <message>
        <source>What</source>
        <translation>چه</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>% of period share</source>
        <translation>درصد تحقق سهم دوره</translation>
    </message>
    <message>
        <source>Agencies below {0} of the period share ({1})</source>
        <translation>دستگاه‌های با تحقق کمتر از {0} سهم دوره ({1})</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>مصوب</translation>
    </message>
    <message>
        <source>Approved lines with nothing collected ({0})</source>
        <translation>ردیف‌های مصوب بدون وصول در دوره ({0})</translation>
    </message>
    <message>
        <source>Collected</source>
        <translation>وصولی</translation>
    </message>
    <message>
        <source>Collected per month, this year and last year</source>
        <translation>وصولی ماهانه در مقایسه با سال قبل</translation>
    </message>
    <message>
        <source>Collected without an approved amount ({0})</source>
        <translation>وصول بدون مصوب ({0})</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>پیشخوان</translation>
    </message>
    <message>
        <source>Exceptions</source>
        <translation>موارد استثنا</translation>
    </message>
    <message>
        <source>Growth vs same period last year</source>
        <translation>درصد رشد نسبت به مدت مشابه سال قبل</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <source>No exceptions in this period.</source>
        <translation>در این دوره مورد استثنایی وجود ندارد.</translation>
    </message>
    <message>
        <source>Period share</source>
        <translation>سهم دوره</translation>
    </message>
    <message>
        <source>Same period last year: {0}</source>
        <translation>وصولی مدت مشابه سال قبل: {0}</translation>
    </message>
    <message>
        <source>The approved amount in force (revised where amended)</source>
        <translation>مبلغ مصوب معتبر (در صورت اصلاح، مبلغ اصلاح‌شده)</translation>
    </message>
    <message>
        <source>There is no fiscal year in the database yet.</source>
        <translation>هنوز هیچ سال مالی در پایگاه داده ثبت نشده است.</translation>
    </message>
    <message>
        <source>Through month:</source>
        <translation>تا پایان ماه:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>سال:</translation>
    </message>
    <message>
        <source>amounts in {0}</source>
        <translation>ارقام: {0}</translation>
    </message>
    <message>
        <source>{0} — line {1} {2}: approved {3}</source>
        <translation>{0} — ردیف {1} {2}: مصوب {3}</translation>
    </message>
    <message>
        <source>{0} — line {1} {2}: collected {3}</source>
        <translation>{0} — ردیف {1} {2}: وصولی {3}</translation>
    </message>
    <message>
        <source>{0}: below {1}</source>
        <translation>{0}: کمتر از {1}</translation>
    </message>
    <message>
        <source>{0}: from {1} to below {2}</source>
        <translation>{0}: از {1} تا کمتر از {2}</translation>
    </message>
    <message>
        <source>{0}: {1} of the period share</source>
        <translation>{0}: تحقق {1} سهم دوره</translation>
    </message>
    <message>
        <source>{0}: {1} or more</source>
        <translation>{0}: {1} و بیشتر</translation>
    </message>
</context>
<context>
    <name>DataEntryPage</name>
    <message>
        <source>A line collected without an approved amount:</source>
        <translation>ردیفی که بدون مبلغ مصوب وصول شده است:</translation>
    </message>
    <message>
        <source>Add a line</source>
        <translation>افزودن ردیف</translation>
    </message>
    <message>
        <source>Add a line…</source>
        <translation>افزودن ردیف…</translation>
    </message>
    <message>
        <source>Agency:</source>
        <translation>دستگاه:</translation>
    </message>
    <message>
        <source>Data entry</source>
        <translation>ورود اطلاعات</translation>
    </message>
    <message>
        <source>If they are right, write why (kept with the figures and in the audit trail):</source>
        <translation>اگر درست‌اند، دلیلش را بنویسید (کنار ارقام و در گزارش رویدادها نگهداری می‌شود):</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>در حال بارگذاری…</translation>
    </message>
    <message>
        <source>Month:</source>
        <translation>ماه:</translation>
    </message>
    <message>
        <source>No agency has the code or name {0}; the agency shown is unchanged.</source>
        <translation>هیچ دستگاهی کد یا نام «{0}» را ندارد؛ دستگاه نمایش‌داده‌شده تغییر نکرد.</translation>
    </message>
    <message>
        <source>Not saved: the unusual figures were not confirmed.</source>
        <translation>ذخیره نشد: ارقام نامعمول تأیید نشدند.</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the cells marked in red first.</source>
        <translation>چیزی ذخیره نشد: نخست خانه‌های قرمز را اصلاح کنید.</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>ذخیره (Ctrl+S)</translation>
    </message>
    <message>
        <source>Saved: {0} figures.</source>
        <translation>ذخیره شد: {0} رقم.</translation>
    </message>
    <message>
        <source>The figures of this month have unsaved changes. Save them?</source>
        <translation>ارقام این ماه تغییراتی دارد که ذخیره نشده است. ذخیره شود؟</translation>
    </message>
    <message>
        <source>These figures look unusual:</source>
        <translation>این ارقام نامعمول به نظر می‌رسند:</translation>
    </message>
    <message>
        <source>This month was locked by {0} on {1}; its figures can be viewed but not changed.</source>
        <translation>این ماه را «{0}» در تاریخ {1} بسته است؛ ارقام آن دیده می‌شود ولی تغییر نمی‌کند.</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>بازگرداندن تغییرات</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
    <message>
        <source>Unusual figures</source>
        <translation>ارقام نامعمول</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>سال:</translation>
    </message>
    <message>
        <source>{0} lines</source>
        <translation>{0} ردیف</translation>
    </message>
</context>
<context>
    <name>EnrolDialog</name>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Enrol a new workstation</source>
        <translation>عضو کردن ایستگاه تازه</translation>
    </message>
    <message>
        <source>Give the workstation a name.</source>
        <translation>نامی برای ایستگاه بنویسید.</translation>
    </message>
    <message>
        <source>Next…</source>
        <translation>ادامه…</translation>
    </message>
    <message>
        <source>The workstation receives a number and the office's data as it stands now, in an enrolment file you save next. Its users sign in with their accounts from here.</source>
        <translation>ایستگاه یک شماره و دادهٔ کنونی دفتر را در فایل عضویتی می‌گیرد که در گام بعد ذخیره می‌کنید. کاربرانش با همان حساب‌های این‌جا وارد می‌شوند.</translation>
    </message>
    <message>
        <source>Workstation name:</source>
        <translation>نام ایستگاه:</translation>
    </message>
    <message>
        <source>e.g. Counter 1, or the name of the county office</source>
        <translation>مثلاً پیشخوان ۱، یا نام ادارهٔ شهرستان</translation>
    </message>
</context>
<context>
    <name>EnrolmentCodeDialog</name>
    <message>
        <source>Copied</source>
        <translation>کپی شد</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>کپی</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>پایان</translation>
    </message>
    <message>
        <source>Enrolment code</source>
        <translation>کد عضویت</translation>
    </message>
    <message>
        <source>Give this code to the workstation separately from the file — by telephone or on paper, never in the same e-mail or on the same USB drive. The file does not open without it. It is not shown again: write it down now.</source>
        <translation>این کد را جدا از فایل به ایستگاه برسانید — تلفنی یا روی کاغذ، هرگز در همان رایانامه یا روی همان حافظهٔ جانبی. فایل بی این کد باز نمی‌شود. کد دوباره نشان داده نمی‌شود: همین حالا یادداشتش کنید.</translation>
    </message>
    <message>
        <source>On the workstation: start Rasad with a new, empty data folder and choose «This computer is a workstation of the office» at the first start.</source>
        <translation>در ایستگاه: رصد را با یک پوشهٔ دادهٔ تازه و خالی باز کنید و در نخستین اجرا «این رایانه ایستگاه کاری دفتر است» را برگزینید.</translation>
    </message>
    <message>
        <source>Workstation {0} «{1}» was enrolled. Its enrolment file is {2}.</source>
        <translation>ایستگاه {0} «{1}» عضو شد. فایل عضویتش {2} است.</translation>
    </message>
</context>
<context>
    <name>EntryModel</name>
    <message>
        <source> (national)</source>
        <translation> (ملی)</translation>
    </message>
    <message>
        <source>% of period share</source>
        <translation>درصد تحقق سهم دوره</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>مصوب</translation>
    </message>
    <message>
        <source>Code</source>
        <translation>کد</translation>
    </message>
    <message>
        <source>Collected to last month</source>
        <translation>وصولی تا پایان ماه قبل</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>وصولی تجمعی</translation>
    </message>
    <message>
        <source>Earmarked revenue</source>
        <translation>درآمد اختصاصی</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>ردیف</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>توضیح</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>وصولی این ماه</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>جمع</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>A report was written to:</source>
        <translation>گزارش خطا در این فایل نوشته شد:</translation>
    </message>
    <message>
        <source>Rasad</source>
        <translation>رصد منابع</translation>
    </message>
    <message>
        <source>Something went wrong that Rasad did not expect. Your saved data is safe; work not yet saved may need to be entered again.</source>
        <translation>خطایی رخ داد که رصد منابع انتظارش را نداشت. داده‌های ذخیره‌شدهٔ شما سالم است؛ ممکن است لازم باشد کارهای ذخیره‌نشده را دوباره وارد کنید.</translation>
    </message>
    <message>
        <source>The disk is full; free some space and try again.</source>
        <translation>فضای دیسک پر است؛ فضا را آزاد کنید و دوباره تلاش کنید.</translation>
    </message>
    <message>
        <source>The file could not be read or written.</source>
        <translation>خواندن یا نوشتن فایل ممکن نشد.</translation>
    </message>
    <message>
        <source>The file is open in another program or cannot be written; close it and try again.</source>
        <translation>فایل در برنامهٔ دیگری باز است یا اجازهٔ نوشتن در آن نیست؛ آن را ببندید و دوباره تلاش کنید.</translation>
    </message>
    <message>
        <source>The file was not found.</source>
        <translation>فایل پیدا نشد.</translation>
    </message>
    <message>
        <source>Unexpected error</source>
        <translation>خطای پیش‌بینی‌نشده</translation>
    </message>
</context>
<context>
    <name>FirstStartDialog</name>
    <message>
        <source>Create the administrator</source>
        <translation>ساخت حساب مدیر</translation>
    </message>
    <message>
        <source>Full name:</source>
        <translation>نام و نام خانوادگی:</translation>
    </message>
    <message>
        <source>Or, if the office already works with Rasad and its administrator enrolled this computer: join it with the enrolment file; the users' accounts come from the office.</source>
        <translation>یا اگر دفتر از پیش با رصد کار می‌کند و مدیرش این رایانه را عضو کرده است: با فایل عضویت به آن بپیوندید؛ حساب‌های کاربران از دفتر می‌آید.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Repeat the password:</source>
        <translation>تکرار گذرواژه:</translation>
    </message>
    <message>
        <source>The two passwords are not the same.</source>
        <translation>دو گذرواژه یکسان نیستند.</translation>
    </message>
    <message>
        <source>This computer is a workstation of the office: join with an enrolment file…</source>
        <translation>این رایانه ایستگاه کاری دفتر است: عضویت با فایل عضویت…</translation>
    </message>
    <message>
        <source>This is the first start: the database was created. Create the system administrator's account to go on.</source>
        <translation>این نخستین اجرای برنامه است و پایگاه داده ساخته شد. برای ادامه، حساب مدیر سامانه را بسازید.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>نام کاربری:</translation>
    </message>
    <message>
        <source>Welcome to Rasad</source>
        <translation>به رصد منابع خوش آمدید</translation>
    </message>
</context>
<context>
    <name>IdleWatcher</name>
    <message>
        <source>Locked</source>
        <translation>قفل است</translation>
    </message>
</context>
<context>
    <name>ImageField</name>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>تصویرها (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <source>No signature image</source>
        <translation>تصویر امضا تعیین نشده است</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>حذف</translation>
    </message>
    <message>
        <source>Scanned signature</source>
        <translation>تصویر امضا</translation>
    </message>
    <message>
        <source>{0} image, {1} KB</source>
        <translation>تصویر {0}، {1} کیلوبایت</translation>
    </message>
</context>
<context>
    <name>IssuedModel</name>
    <message>
        <source>Date</source>
        <translation>تاریخ صدور</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>صادرکننده</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع گزارش</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>دوره</translation>
    </message>
    <message>
        <source>Verification code: {0}</source>
        <translation>کد تصدیق: {0}</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>نسخه</translation>
    </message>
    <message>
        <source>{0}, through {1}</source>
        <translation>{0}، تا پایان {1}</translation>
    </message>
</context>
<context>
    <name>JoinDialog</name>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Choose the enrolment file.</source>
        <translation>فایل عضویت را انتخاب کنید.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>انتخاب…</translation>
    </message>
    <message>
        <source>Enrolment code:</source>
        <translation>کد عضویت:</translation>
    </message>
    <message>
        <source>Enrolment file:</source>
        <translation>فایل عضویت:</translation>
    </message>
    <message>
        <source>Enrolment files (*.rse);;All files (*)</source>
        <translation>فایل‌های عضویت (*.rse);;همهٔ فایل‌ها (*)</translation>
    </message>
    <message>
        <source>Join</source>
        <translation>عضویت</translation>
    </message>
    <message>
        <source>Join the office as a workstation</source>
        <translation>عضویت در دفتر به عنوان ایستگاه کاری</translation>
    </message>
    <message>
        <source>Receiving the office's data…</source>
        <translation>در حال گرفتن دادهٔ دفتر…</translation>
    </message>
    <message>
        <source>The enrolment file</source>
        <translation>فایل عضویت</translation>
    </message>
    <message>
        <source>The office's administrator enrolled this computer and gave you an enrolment file (.rse) and, separately, its twenty-digit enrolment code. This computer then receives the office's data and its users' accounts.</source>
        <translation>مدیر دفتر این رایانه را عضو کرده و یک فایل عضویت (‎.rse) و، جدا از آن، کد عضویت بیست‌رقمی‌اش را به شما داده است. این رایانه سپس دادهٔ دفتر و حساب‌های کاربرانش را می‌گیرد.</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <source>Locked for inactivity</source>
        <translation>قفل به دلیل بی‌کاری</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>Rasad is locked</source>
        <translation>رصد قفل است</translation>
    </message>
    <message>
        <source>Rasad was locked after {0} minutes without activity. Enter your password to go on where you left off.</source>
        <translation>رصد پس از {0} دقیقه بی‌کاری قفل شد. برای ادامهٔ کار از همان جایی که بودید، گذرواژهٔ خود را وارد کنید.</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Signing out closes Rasad; changes not yet saved are lost.</source>
        <translation>با خروج، رصد بسته می‌شود و تغییرهای ذخیره‌نشده از دست می‌روند.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>بازکردن قفل</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>کاربر:</translation>
    </message>
</context>
<context>
    <name>LocksModel</name>
    <message>
        <source>Locked</source>
        <translation>بسته</translation>
    </message>
    <message>
        <source>Locked by</source>
        <translation>بسته‌شده توسط</translation>
    </message>
    <message>
        <source>Locked on</source>
        <translation>تاریخ بستن</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>باز</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>دلیل</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
</context>
<context>
    <name>LocksTab</name>
    <message>
        <source>Lock the month</source>
        <translation>بستن ماه</translation>
    </message>
    <message>
        <source>Reason:</source>
        <translation>دلیل:</translation>
    </message>
    <message>
        <source>The collections of a locked month can be viewed but no longer changed.</source>
        <translation>وصولی ماه بسته‌شده قابل مشاهده است ولی دیگر تغییر نمی‌کند.</translation>
    </message>
    <message>
        <source>Unlock the month</source>
        <translation>بازکردن ماه</translation>
    </message>
    <message>
        <source>e.g. the month's figures were reconciled with the treasury</source>
        <translation>مثلاً ارقام ماه با خزانه معین استان تطبیق داده شد</translation>
    </message>
    <message>
        <source>{0} was locked.</source>
        <translation>{0} بسته شد.</translation>
    </message>
    <message>
        <source>{0} was unlocked.</source>
        <translation>{0} باز شد.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Data restored</source>
        <translation>داده‌ها بازگردانده شد</translation>
    </message>
    <message>
        <source>Notice:</source>
        <translation>اطلاعیه:</translation>
    </message>
    <message>
        <source>The data was restored from a backup. Rasad closes now; start it again and sign in.</source>
        <translation>داده‌ها از نسخهٔ پشتیبان بازگردانده شد. رصد منابع اکنون بسته می‌شود؛ آن را دوباره باز کنید و وارد شوید.</translation>
    </message>
    <message>
        <source>until</source>
        <translation>تا</translation>
    </message>
</context>
<context>
    <name>MaintenancePage</name>
    <message>
        <source>A backup holds the whole database, encrypted with a passphrase you choose, and is checked after it is written. Keep copies away from this computer (a USB drive, another building). Restoring replaces all current data; a copy of the current data is kept first.</source>
        <translation>نسخهٔ پشتیبان همهٔ پایگاه داده را در بر دارد، با عبارت عبوری که خودتان برمی‌گزینید رمز می‌شود و پس از نوشتن بازبینی می‌شود. رونوشت‌هایی را دور از این رایانه نگه دارید (حافظهٔ جانبی، ساختمانی دیگر). بازگردانی همهٔ داده‌های فعلی را جایگزین می‌کند؛ پیش از آن رونوشتی از داده‌های فعلی نگه داشته می‌شود.</translation>
    </message>
    <message>
        <source>A restore is marked as running, so data entry is closed. If no restore is running on any computer (one was interrupted), clear the mark.</source>
        <translation>بازگردانی در جریان علامت خورده است و از این رو ورود اطلاعات بسته است. اگر در هیچ رایانه‌ای بازگردانی در جریان نیست (بازگردانی‌ای نیمه‌کاره قطع شده است)، این علامت را بردارید.</translation>
    </message>
    <message>
        <source>Back up now…</source>
        <translation>پشتیبان‌گیری اکنون…</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>پشتیبان‌گیری</translation>
    </message>
    <message>
        <source>Clear the mark</source>
        <translation>برداشتن علامت</translation>
    </message>
    <message>
        <source>Clear the mark only if no restore is running on any computer. Clear it?</source>
        <translation>علامت را فقط وقتی بردارید که در هیچ رایانه‌ای بازگردانی در جریان نباشد. برداشته شود؟</translation>
    </message>
    <message>
        <source>Copy before a restore</source>
        <translation>رونوشت پیش از بازگردانی</translation>
    </message>
    <message>
        <source>Copy before an upgrade</source>
        <translation>رونوشت پیش از ارتقا</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Encrypted backup</source>
        <translation>نسخهٔ پشتیبان رمزشده</translation>
    </message>
    <message>
        <source>File</source>
        <translation>فایل</translation>
    </message>
    <message>
        <source>Files in {0}:</source>
        <translation>فایل‌های پوشهٔ {0}:</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>No backups yet in {0}.</source>
        <translation>هنوز نسخهٔ پشتیبانی در پوشهٔ {0} نیست.</translation>
    </message>
    <message>
        <source>Opening the backup…</source>
        <translation>در حال باز کردن نسخهٔ پشتیبان…</translation>
    </message>
    <message>
        <source>Other file</source>
        <translation>فایل دیگر</translation>
    </message>
    <message>
        <source>Rasad backups (*.rbk)</source>
        <translation>نسخه‌های پشتیبان رصد (*.rbk)</translation>
    </message>
    <message>
        <source>Rasad backups (*.rbk);;All files (*)</source>
        <translation>نسخه‌های پشتیبان رصد (*.rbk);;همهٔ فایل‌ها (*)</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>بازگردانی از نسخهٔ پشتیبان</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>بازگردانی از نسخهٔ پشتیبان…</translation>
    </message>
    <message>
        <source>Restoring it replaces all data and all user accounts here with those above. Restore it?</source>
        <translation>بازگرداندن آن همهٔ داده‌ها و همهٔ حساب‌های کاربری این‌جا را با آن‌چه در بالا آمده جایگزین می‌کند. بازگردانده شود؟</translation>
    </message>
    <message>
        <source>Restoring the backup…</source>
        <translation>در حال بازگردانی نسخهٔ پشتیبان…</translation>
    </message>
    <message>
        <source>Save the backup as</source>
        <translation>ذخیرهٔ نسخهٔ پشتیبان با نام</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>اندازه</translation>
    </message>
    <message>
        <source>The backup was older and was brought up to this version of the program.</source>
        <translation>نسخهٔ پشتیبان قدیمی‌تر بود و به نسخهٔ فعلی برنامه ارتقا یافت.</translation>
    </message>
    <message>
        <source>The backup {0} was written and checked ({1}, {2} attachments). SHA-256: {3}</source>
        <translation>نسخهٔ پشتیبان «{0}» نوشته و بازبینی شد ({1}، {2} پیوست). SHA-256: {3}</translation>
    </message>
    <message>
        <source>The data was restored from {0} (made on {1}). The data as it was before is kept in {2}.</source>
        <translation>داده‌ها از نسخهٔ پشتیبان «{0}» (ساخته‌شده در {1}) بازگردانده شد. داده‌های پیش از بازگردانی در «{2}» نگه داشته شده است.</translation>
    </message>
    <message>
        <source>The mark was cleared; data entry is open again.</source>
        <translation>علامت برداشته شد؛ ورود اطلاعات دوباره باز است.</translation>
    </message>
    <message>
        <source>The restore was cancelled; nothing was changed.</source>
        <translation>بازگردانی لغو شد؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>This backup is not from this installation of Rasad:</source>
        <translation>این نسخهٔ پشتیبان از این نصب رصد نیست:</translation>
    </message>
    <message>
        <source>Warning: {0} attachment files were missing from the data folder or had changed; they are not in this backup.</source>
        <translation>هشدار: {0} فایل پیوست در پوشهٔ داده نبود یا تغییر کرده بود و در این نسخهٔ پشتیبان نیست.</translation>
    </message>
    <message>
        <source>Writing and checking the backup…</source>
        <translation>در حال نوشتن و بازبینی نسخهٔ پشتیبان…</translation>
    </message>
    <message>
        <source>{0} attachment files were put back in the data folder.</source>
        <translation>{0} فایل پیوست در پوشهٔ داده بازگردانده شد.</translation>
    </message>
</context>
<context>
    <name>MonthlyChart</name>
    <message>
        <source>Last year</source>
        <translation>سال قبل</translation>
    </message>
    <message>
        <source>This year</source>
        <translation>سال جاری</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <source>(this computer's local time)</source>
        <translation>(به وقت محلی این رایانه)</translation>
    </message>
    <message>
        <source>From</source>
        <translation>از</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>جاری</translation>
    </message>
    <message>
        <source>Information</source>
        <translation>اطلاع‌رسانی</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <translation>نگهداری سامانه</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>اطلاعیه‌ها</translation>
    </message>
    <message>
        <source>Notices in force and upcoming. Maintenance that makes Rasad unavailable is announced here in advance; a notice in force also shows at the top of the window.</source>
        <translation>اطلاعیه‌های جاری و پیش رو. نگهداری‌ای که رصد منابع را از دسترس خارج کند، از پیش در اینجا اطلاع‌رسانی می‌شود؛ اطلاعیهٔ جاری در بالای پنجره نیز نمایش داده می‌شود.</translation>
    </message>
    <message>
        <source>Post a notice</source>
        <translation>انتشار اطلاعیه</translation>
    </message>
    <message>
        <source>Post the notice</source>
        <translation>انتشار اطلاعیه</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>متن</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>متن:</translation>
    </message>
    <message>
        <source>The notice was posted.</source>
        <translation>اطلاعیه منتشر شد.</translation>
    </message>
    <message>
        <source>There is no notice in force or upcoming.</source>
        <translation>اکنون اطلاعیهٔ جاری یا پیش رویی وجود ندارد.</translation>
    </message>
    <message>
        <source>This time window is already over: choose an end in the future.</source>
        <translation>این بازهٔ زمانی گذشته است؛ زمان پایان را در آینده برگزینید.</translation>
    </message>
    <message>
        <source>Time window:</source>
        <translation>بازهٔ زمانی:</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>To</source>
        <translation>تا</translation>
    </message>
    <message>
        <source>Upcoming</source>
        <translation>پیش رو</translation>
    </message>
    <message>
        <source>to</source>
        <translation>تا</translation>
    </message>
</context>
<context>
    <name>OfficeHolidays</name>
    <message>
        <source>Add holiday</source>
        <translation>افزودن روز تعطیل</translation>
    </message>
    <message>
        <source>Add the fixed official holidays of {0}</source>
        <translation>افزودن تعطیلات رسمی ثابت سال {0}</translation>
    </message>
    <message>
        <source>Choose a holiday in the table first.</source>
        <translation>نخست یک روز تعطیل را در جدول انتخاب کنید.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>تاریخ</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>تاریخ:</translation>
    </message>
    <message>
        <source>Friday</source>
        <translation>جمعه</translation>
    </message>
    <message>
        <source>Holidays of the year:</source>
        <translation>تعطیلات سال:</translation>
    </message>
    <message>
        <source>Monday</source>
        <translation>دوشنبه</translation>
    </message>
    <message>
        <source>Nowruz (1–4 Farvardin), 12 and 13 Farvardin, 14 and 15 Khordad, 22 Bahman and 29 Esfand</source>
        <translation>نوروز (۱ تا ۴ فروردین)، ۱۲ و ۱۳ فروردین، ۱۴ و ۱۵ خرداد، ۲۲ بهمن و ۲۹ اسفند</translation>
    </message>
    <message>
        <source>Official holidays</source>
        <translation>تعطیلات رسمی</translation>
    </message>
    <message>
        <source>Religious holidays follow the lunar calendar and move every year: add them from that year's official calendar.</source>
        <translation>تعطیلات مذهبی بر پایهٔ تقویم قمری هر سال جابه‌جا می‌شوند؛ آن‌ها را از تقویم رسمی همان سال وارد کنید.</translation>
    </message>
    <message>
        <source>Remove the selected holiday</source>
        <translation>حذف روز تعطیل انتخاب‌شده</translation>
    </message>
    <message>
        <source>Saturday</source>
        <translation>شنبه</translation>
    </message>
    <message>
        <source>Sunday</source>
        <translation>یکشنبه</translation>
    </message>
    <message>
        <source>The fixed official holidays of {0} were already in the table.</source>
        <translation>تعطیلات رسمی ثابت سال {0} پیش‌تر در جدول بوده است.</translation>
    </message>
    <message>
        <source>Thursday</source>
        <translation>پنجشنبه</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>عنوان</translation>
    </message>
    <message>
        <source>Title, e.g. Tasua</source>
        <translation>عنوان، مثلاً تاسوعای حسینی</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>عنوان:</translation>
    </message>
    <message>
        <source>Tuesday</source>
        <translation>سه‌شنبه</translation>
    </message>
    <message>
        <source>Wednesday</source>
        <translation>چهارشنبه</translation>
    </message>
    <message>
        <source>Weekday</source>
        <translation>روز هفته</translation>
    </message>
    <message>
        <source>e.g. 1405/04/15</source>
        <translation>مثلاً ۱۴۰۵/۰۴/۱۵</translation>
    </message>
    <message>
        <source>{0} fixed official holidays of {1} were added; add the religious (lunar) ones from the official calendar.</source>
        <translation>{0} روز تعطیل رسمی ثابت سال {1} افزوده شد؛ تعطیلات مذهبی (قمری) را از تقویم رسمی وارد کنید.</translation>
    </message>
    <message>
        <source>{0} is no longer a holiday.</source>
        <translation>روز {0} از تعطیلات حذف شد.</translation>
    </message>
    <message>
        <source>{0} was added as a holiday.</source>
        <translation>روز {0} به تعطیلات افزوده شد.</translation>
    </message>
</context>
<context>
    <name>OneTimePasswordDialog</name>
    <message>
        <source>Copied</source>
        <translation>کپی شد</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>کپی</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>تأیید</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>This password will not be shown again. Give it to the user in person; they must change it at their next sign-in.</source>
        <translation>این گذرواژه دیگر نمایش داده نمی‌شود. آن را حضوری به کاربر بدهید؛ او باید در ورود بعدی آن را تغییر دهد.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>نام کاربری:</translation>
    </message>
</context>
<context>
    <name>PackagePreviewDialog</name>
    <message>
        <source>A conflict changes nothing here: both values are kept and the office's administrator decides which one stays.</source>
        <translation>تعارض این‌جا چیزی را تغییر نمی‌دهد: هر دو مقدار نگه داشته می‌شود و مدیر دفتر تصمیم می‌گیرد کدام بماند.</translation>
    </message>
    <message>
        <source>Already present:</source>
        <translation>از پیش هست:</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>اعمال</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Held until earlier changes arrive:</source>
        <translation>در انتظار رسیدن تغییرهای پیشین:</translation>
    </message>
    <message>
        <source>In conflict at the office (not applied here):</source>
        <translation>در دفتر در تعارض (این‌جا اعمال نمی‌شود):</translation>
    </message>
    <message>
        <source>In conflict:</source>
        <translation>تعارض:</translation>
    </message>
    <message>
        <source>Package {0} from {1}. Nothing has been written yet: this is what taking it will do.</source>
        <translation>بستهٔ {0} از {1}. هنوز چیزی نوشته نشده است؛ گرفتن آن این کارها را می‌کند.</translation>
    </message>
    <message>
        <source>Take the package?</source>
        <translation>بسته گرفته شود؟</translation>
    </message>
    <message>
        <source>The changes, in the order they are decided:</source>
        <translation>تغییرها، به ترتیبی که درباره‌شان تصمیم گرفته می‌شود:</translation>
    </message>
    <message>
        <source>The first {0} of {1} changes, in the order they are decided:</source>
        <translation>{0} تغییر نخست از {1} تغییر، به ترتیبی که درباره‌شان تصمیم گرفته می‌شود:</translation>
    </message>
    <message>
        <source>Will be applied:</source>
        <translation>اعمال می‌شود:</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Back up</source>
        <translation>پشتیبان‌گیری</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>پشتیبان‌گیری اکنون</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Passphrase (at least 8 characters):</source>
        <translation>عبارت عبور (دست‌کم ۸ نویسه):</translation>
    </message>
    <message>
        <source>Passphrase again:</source>
        <translation>تکرار عبارت عبور:</translation>
    </message>
    <message>
        <source>Show the passphrase</source>
        <translation>نمایش عبارت عبور</translation>
    </message>
    <message>
        <source>The backup {0} is encrypted with this passphrase. Keep it somewhere safe: without it the backup cannot be opened, by anyone.</source>
        <translation>نسخهٔ پشتیبان «{0}» با این عبارت عبور رمز می‌شود. آن را جایی امن نگه دارید: بی آن، هیچ‌کس نمی‌تواند این نسخه را باز کند.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>دو عبارت عبور یکی نیستند.</translation>
    </message>
</context>
<context>
    <name>Paster</name>
    <message>
        <source>Nothing was pasted.</source>
        <translation>چیزی جای‌گذاری نشد.</translation>
    </message>
    <message>
        <source>Paste</source>
        <translation>جای‌گذاری</translation>
    </message>
    <message>
        <source>Paste the other {0} values, leaving these out?</source>
        <translation>{0} مقدار دیگر جای‌گذاری شود و این‌ها کنار بماند؟</translation>
    </message>
    <message>
        <source>Pasted {0} values, each on the line of its code.</source>
        <translation>{0} مقدار، هر یک در ردیف کد خود، جای‌گذاری شد.</translation>
    </message>
    <message>
        <source>Pasted {0} values.</source>
        <translation>{0} مقدار جای‌گذاری شد.</translation>
    </message>
    <message>
        <source>The copied cells have several columns but not one column of line codes and one of amounts. Copy the code column with one amount column, or a single column of amounts.</source>
        <translation>خانه‌های کپی‌شده چند ستون دارند ولی یک ستون کد ردیف و یک ستون مبلغ نیستند. ستون کد ردیف را با یک ستون مبلغ کپی کنید، یا فقط یک ستون مبلغ را.</translation>
    </message>
    <message>
        <source>These codes appear twice (in the copy or in the sheet), so none of their values is pasted:</source>
        <translation>این کدها دوبار آمده‌اند (در کپی یا در جدول)، پس هیچ‌یک از مقدارهایشان جای‌گذاری نمی‌شود:</translation>
    </message>
    <message>
        <source>These codes have no line in this sheet:</source>
        <translation>این کدها در این جدول ردیفی ندارند:</translation>
    </message>
    <message>
        <source>{0} values were copied but only {1} lines are here from the current one; these would have no line:</source>
        <translation>{0} مقدار کپی شده ولی از ردیف کنونی تا پایان فقط {1} ردیف هست؛ این‌ها ردیفی نخواهند داشت:</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… و {0} مورد دیگر</translation>
    </message>
</context>
<context>
    <name>PdfPreview</name>
    <message>
        <source>Fit width</source>
        <translation>هم‌عرض صفحه</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>بزرگ‌نمایی</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>کوچک‌نمایی</translation>
    </message>
    <message>
        <source>{0} pages</source>
        <translation>{0} صفحه</translation>
    </message>
</context>
<context>
    <name>PreviewModel</name>
    <message>
        <source>Already present</source>
        <translation>از پیش هست</translation>
    </message>
    <message>
        <source>Applied</source>
        <translation>اعمال می‌شود</translation>
    </message>
    <message>
        <source>By</source>
        <translation>کاربر</translation>
    </message>
    <message>
        <source>Held</source>
        <translation>در انتظار</translation>
    </message>
    <message>
        <source>In conflict</source>
        <translation>تعارض</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>نتیجه</translation>
    </message>
    <message>
        <source>Value it brings</source>
        <translation>مقداری که می‌آورد</translation>
    </message>
    <message>
        <source>What</source>
        <translation>چه</translation>
    </message>
    <message>
        <source>Withheld by the office</source>
        <translation>در دفتر در تعارض</translation>
    </message>
</context>
<context>
    <name>RegisterRequestDialog</name>
    <message>
        <source>(none)</source>
        <translation>(هیچ‌کدام)</translation>
    </message>
    <message>
        <source>10 digits</source>
        <translation>ده رقم</translation>
    </message>
    <message>
        <source>Agency (optional):</source>
        <translation>دستگاه اجرایی (اختیاری):</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>شمارهٔ همراه:</translation>
    </message>
    <message>
        <source>National ID:</source>
        <translation>کد ملی:</translation>
    </message>
    <message>
        <source>Received by:</source>
        <translation>شیوهٔ دریافت:</translation>
    </message>
    <message>
        <source>Register</source>
        <translation>ثبت</translation>
    </message>
    <message>
        <source>Register a request</source>
        <translation>ثبت درخواست</translation>
    </message>
    <message>
        <source>Requester's name:</source>
        <translation>نام متقاضی:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>موضوع:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>متن:</translation>
    </message>
    <message>
        <source>The request gets its tracking code when it is registered; the requester follows it up with the code and the last four digits of the mobile.</source>
        <translation>درخواست هنگام ثبت کد پیگیری می‌گیرد؛ متقاضی با این کد و چهار رقم آخر شمارهٔ همراه خود آن را پیگیری می‌کند.</translation>
    </message>
    <message>
        <source>This request has not been registered. Register it now?</source>
        <translation>این درخواست هنوز ثبت نشده است. اکنون ثبت شود؟</translation>
    </message>
    <message>
        <source>like 09123456789</source>
        <translation>مانند ۰۹۱۲۳۴۵۶۷۸۹</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>A new report (not a correction)</source>
        <translation>گزارش جدید (نه اصلاحیه)</translation>
    </message>
    <message>
        <source>Agency:</source>
        <translation>دستگاه:</translation>
    </message>
    <message>
        <source>Check a PDF file</source>
        <translation>بررسی فایل PDF</translation>
    </message>
    <message>
        <source>Check a PDF file…</source>
        <translation>بررسی فایل PDF…</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>در حال بررسی فایل…</translation>
    </message>
    <message>
        <source>Choose a report and press Preview.</source>
        <translation>گزارش را انتخاب کنید و «پیش‌نمایش» را بزنید.</translation>
    </message>
    <message>
        <source>Correction of:</source>
        <translation>اصلاحیهٔ گزارش:</translation>
    </message>
    <message>
        <source>Draft: not numbered; the figures are as entered now.</source>
        <translation>پیش‌نویس: بدون شماره؛ ارقام مطابق اطلاعات ثبت‌شده تا این لحظه است.</translation>
    </message>
    <message>
        <source>Give the report a number and freeze its figures</source>
        <translation>شماره‌گذاری گزارش و ثابت کردن ارقام آن</translation>
    </message>
    <message>
        <source>Is a PDF the report it claims to be, as it was issued and signed?</source>
        <translation>آیا فایل PDF همان گزارشی است که ادعا می‌کند، همان‌گونه که صادر و امضا شده؟</translation>
    </message>
    <message>
        <source>Issue the report</source>
        <translation>صدور گزارش</translation>
    </message>
    <message>
        <source>Issue {0} as a new version of report no. {1}? The earlier version stays on record; an issued report can no longer be changed.</source>
        <translation>«{0}» به عنوان نسخهٔ جدید گزارش شمارهٔ {1} صادر شود؟ نسخهٔ قبلی در سامانه باقی می‌ماند؛ گزارش صادرشده دیگر قابل تغییر نیست.</translation>
    </message>
    <message>
        <source>Issue {0}? It receives the next number and its figures are frozen; an issued report can no longer be changed.</source>
        <translation>«{0}» صادر شود؟ گزارش شمارهٔ بعدی را می‌گیرد و ارقام آن ثابت می‌شود؛ گزارش صادرشده دیگر قابل تغییر نیست.</translation>
    </message>
    <message>
        <source>Issued report no. {0}, version {1}, issued on {2} by {3}. Verification code: {4}</source>
        <translation>گزارش صادرشده به شمارهٔ {0}، نسخهٔ {1}، صادرشده در {2} توسط «{3}». کد تصدیق: {4}</translation>
    </message>
    <message>
        <source>Issued reports</source>
        <translation>گزارش‌های صادرشده</translation>
    </message>
    <message>
        <source>Issued: number {0}, version {1}; verification code {2}.</source>
        <translation>صادر شد: شمارهٔ {0}، نسخهٔ {1}؛ کد تصدیق {2}.</translation>
    </message>
    <message>
        <source>Issue…</source>
        <translation>صدور…</translation>
    </message>
    <message>
        <source>Issuing the report…</source>
        <translation>در حال صدور گزارش…</translation>
    </message>
    <message>
        <source>Issuing {0}…</source>
        <translation>در حال صدور {0}…</translation>
    </message>
    <message>
        <source>Opening the issued report…</source>
        <translation>در حال بازکردن گزارش صادرشده…</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>فایل‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Prepare the report from the current figures (F5)</source>
        <translation>تهیهٔ گزارش از ارقام کنونی (F5)</translation>
    </message>
    <message>
        <source>Preparing the report…</source>
        <translation>در حال تهیهٔ گزارش…</translation>
    </message>
    <message>
        <source>Preparing {0}…</source>
        <translation>در حال تهیهٔ {0}…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>پیش‌نمایش</translation>
    </message>
    <message>
        <source>Print the report</source>
        <translation>چاپ گزارش</translation>
    </message>
    <message>
        <source>Print the report shown (Ctrl+P)</source>
        <translation>چاپ گزارش نمایش‌داده‌شده (Ctrl+P)</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>در حال چاپ…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>چاپ…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>بازکردن</translation>
    </message>
    <message>
        <source>Report:</source>
        <translation>گزارش:</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
    <message>
        <source>Reports are issued at the office, so that every number is unique office-wide; on this workstation preview, print or save a draft.</source>
        <translation>گزارش‌ها در دفتر صادر می‌شوند تا شمارهٔ هر گزارش در همهٔ دفتر یکتا بماند؛ در این ایستگاه پیش‌نویس را ببینید، چاپ کنید یا ذخیره کنید.</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>ذخیره به صورت PDF…</translation>
    </message>
    <message>
        <source>Save the report as PDF</source>
        <translation>ذخیرهٔ گزارش به صورت PDF</translation>
    </message>
    <message>
        <source>Saved to {0}</source>
        <translation>در «{0}» ذخیره شد.</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>در حال ذخیره…</translation>
    </message>
    <message>
        <source>Show the issued report exactly as it was issued</source>
        <translation>نمایش گزارش صادرشده عیناً به همان صورتی که صادر شده است</translation>
    </message>
    <message>
        <source>The draft is ready.</source>
        <translation>پیش‌نویس آماده است.</translation>
    </message>
    <message>
        <source>Through month:</source>
        <translation>تا پایان ماه:</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>سال:</translation>
    </message>
    <message>
        <source>{0} (version {1})</source>
        <translation>{0} (نسخهٔ {1})</translation>
    </message>
    <message>
        <source>{0} issued</source>
        <translation>{0} گزارش صادرشده</translation>
    </message>
    <message>
        <source>{0} pages sent to the printer.</source>
        <translation>{0} صفحه به چاپگر فرستاده شد.</translation>
    </message>
    <message>
        <source>{0}, {1}</source>
        <translation>{0}، سال {1}</translation>
    </message>
    <message>
        <source>{0}, {1} through {2}</source>
        <translation>{0}، سال {1} تا پایان {2}</translation>
    </message>
</context>
<context>
    <name>RequestFields</name>
    <message>
        <source>Agency:</source>
        <translation>دستگاه اجرایی:</translation>
    </message>
    <message>
        <source>Answer:</source>
        <translation>پاسخ:</translation>
    </message>
    <message>
        <source>Answered:</source>
        <translation>پاسخ داده شده در:</translation>
    </message>
    <message>
        <source>Closed:</source>
        <translation>بسته شده در:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>مهلت پاسخ:</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>Mobile:</source>
        <translation>شمارهٔ همراه:</translation>
    </message>
    <message>
        <source>National ID:</source>
        <translation>کد ملی:</translation>
    </message>
    <message>
        <source>Only the status is shown. Enter the last four digits of the requester's mobile to see the request.</source>
        <translation>فقط وضعیت نشان داده می‌شود. برای دیدن درخواست، چهار رقم آخر شمارهٔ همراه متقاضی را وارد کنید.</translation>
    </message>
    <message>
        <source>Received by:</source>
        <translation>شیوهٔ دریافت:</translation>
    </message>
    <message>
        <source>Registered:</source>
        <translation>ثبت:</translation>
    </message>
    <message>
        <source>Requester:</source>
        <translation>متقاضی:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation>موضوع:</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>متن:</translation>
    </message>
    <message>
        <source>The national ID, the mobile and the texts are hidden: your role may not see requesters' personal data.</source>
        <translation>کد ملی، شمارهٔ همراه و متن‌ها پوشانده شده‌اند: نقش شما اجازهٔ دیدن اطلاعات شخصی متقاضیان را ندارد.</translation>
    </message>
    <message>
        <source>Tracking code:</source>
        <translation>کد پیگیری:</translation>
    </message>
    <message>
        <source>{0} by {1}</source>
        <translation>{0}، به دست {1}</translation>
    </message>
    <message>
        <source>{0} — overdue</source>
        <translation>{0} — معوق (مهلت پاسخ گذشته است)</translation>
    </message>
</context>
<context>
    <name>RequestLookupDialog</name>
    <message>
        <source>Close</source>
        <translation>بستن</translation>
    </message>
    <message>
        <source>Find</source>
        <translation>جست‌وجو</translation>
    </message>
    <message>
        <source>Find a request by its code</source>
        <translation>یافتن درخواست با کد پیگیری</translation>
    </message>
    <message>
        <source>Last four digits of the mobile:</source>
        <translation>چهار رقم آخر شمارهٔ همراه:</translation>
    </message>
    <message>
        <source>Show in the list</source>
        <translation>نمایش در فهرست</translation>
    </message>
    <message>
        <source>Tracking code:</source>
        <translation>کد پیگیری:</translation>
    </message>
    <message>
        <source>optional</source>
        <translation>اختیاری</translation>
    </message>
</context>
<context>
    <name>RequestRegisteredDialog</name>
    <message>
        <source>Answer due by {0}. Give the code to the requester: with it and the last four digits of their mobile they can follow the request up.</source>
        <translation>مهلت پاسخ: {0}. این کد را به متقاضی بدهید؛ او با این کد و چهار رقم آخر شمارهٔ همراه خود درخواست را پیگیری می‌کند.</translation>
    </message>
    <message>
        <source>Copied</source>
        <translation>رونوشت شد</translation>
    </message>
    <message>
        <source>Copy the code</source>
        <translation>رونوشت کد</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>پایان</translation>
    </message>
    <message>
        <source>Print the receipt…</source>
        <translation>چاپ رسید…</translation>
    </message>
    <message>
        <source>Request registered</source>
        <translation>درخواست ثبت شد</translation>
    </message>
    <message>
        <source>Save the receipt…</source>
        <translation>ذخیرهٔ رسید…</translation>
    </message>
    <message>
        <source>The request was registered. Its tracking code:</source>
        <translation>درخواست ثبت شد. کد پیگیری آن:</translation>
    </message>
</context>
<context>
    <name>RequestTextDialog</name>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Write the text first.</source>
        <translation>نخست متن را بنویسید.</translation>
    </message>
</context>
<context>
    <name>RequestsModel</name>
    <message>
        <source>Due date</source>
        <translation>مهلت پاسخ</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>نوع</translation>
    </message>
    <message>
        <source>Overdue: not answered by its due date</source>
        <translation>معوق: تا پایان مهلت پاسخ داده نشده است</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>تاریخ ثبت</translation>
    </message>
    <message>
        <source>Requester</source>
        <translation>متقاضی</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>موضوع</translation>
    </message>
    <message>
        <source>Tracking code</source>
        <translation>کد پیگیری</translation>
    </message>
    <message>
        <source>{0} (overdue)</source>
        <translation>{0} (معوق)</translation>
    </message>
</context>
<context>
    <name>RequestsPage</name>
    <message>
        <source>A note for the staff; the requester never sees it:</source>
        <translation>یادداشتی برای کارکنان؛ متقاضی هرگز آن را نمی‌بیند:</translation>
    </message>
    <message>
        <source>A note was added to {0}.</source>
        <translation>یادداشتی به {0} افزوده شد.</translation>
    </message>
    <message>
        <source>Add the note</source>
        <translation>افزودن یادداشت</translation>
    </message>
    <message>
        <source>All</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>Answer the request</source>
        <translation>پاسخ به درخواست</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>پاسخ داده شد</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>پاسخ…</translation>
    </message>
    <message>
        <source>Attachments:</source>
        <translation>پیوست‌ها:</translation>
    </message>
    <message>
        <source>Choose a request in the list to see it here.</source>
        <translation>برای دیدن یک درخواست، آن را در فهرست برگزینید.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>بستن درخواست</translation>
    </message>
    <message>
        <source>Close the request {0}? It can be reopened later.</source>
        <translation>درخواست {0} بسته شود؟ بعداً می‌توان آن را بازگشایی کرد.</translation>
    </message>
    <message>
        <source>Code, subject or requester</source>
        <translation>کد، موضوع یا نام متقاضی</translation>
    </message>
    <message>
        <source>File attached</source>
        <translation>پرونده پیوست شد</translation>
    </message>
    <message>
        <source>Find by code…</source>
        <translation>یافتن با کد…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>سابقه</translation>
    </message>
    <message>
        <source>Internal note</source>
        <translation>یادداشت داخلی</translation>
    </message>
    <message>
        <source>Internal note (not shown to the requester)</source>
        <translation>یادداشت داخلی (به متقاضی نشان داده نمی‌شود)</translation>
    </message>
    <message>
        <source>Internal note: staff only, never shown to the requester</source>
        <translation>یادداشت داخلی: فقط برای کارکنان؛ هرگز به متقاضی نشان داده نمی‌شود</translation>
    </message>
    <message>
        <source>Internal note…</source>
        <translation>یادداشت داخلی…</translation>
    </message>
    <message>
        <source>Kind:</source>
        <translation>نوع:</translation>
    </message>
    <message>
        <source>Overdue only</source>
        <translation>فقط معوق‌ها</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>فایل‌های PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print receipt…</source>
        <translation>چاپ رسید…</translation>
    </message>
    <message>
        <source>Print the receipt</source>
        <translation>چاپ رسید</translation>
    </message>
    <message>
        <source>Printing…</source>
        <translation>در حال چاپ…</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>ثبت شد</translation>
    </message>
    <message>
        <source>Registered at another computer of the office: it is answered and followed up at the office</source>
        <translation>در رایانهٔ دیگری از دفتر ثبت شده است؛ پاسخ و پیگیری آن در دفتر انجام می‌شود</translation>
    </message>
    <message>
        <source>Registered with the tracking code {0}.</source>
        <translation>با کد پیگیری {0} ثبت شد.</translation>
    </message>
    <message>
        <source>Register…</source>
        <translation>ثبت درخواست…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>بازگشایی</translation>
    </message>
    <message>
        <source>Reopen the request</source>
        <translation>بازگشایی درخواست</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>بازگشایی شد</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>بازگشایی…</translation>
    </message>
    <message>
        <source>Requests</source>
        <translation>درخواست‌ها و شکایت‌ها</translation>
    </message>
    <message>
        <source>Save receipt…</source>
        <translation>ذخیرهٔ رسید…</translation>
    </message>
    <message>
        <source>Save the answer</source>
        <translation>ثبت پاسخ</translation>
    </message>
    <message>
        <source>Save the receipt as PDF</source>
        <translation>ذخیرهٔ رسید به صورت PDF</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>در حال ذخیره…</translation>
    </message>
    <message>
        <source>Search:</source>
        <translation>جست‌وجو:</translation>
    </message>
    <message>
        <source>Start review</source>
        <translation>آغاز بررسی</translation>
    </message>
    <message>
        <source>Status changed from {0} to {1}</source>
        <translation>وضعیت از «{0}» به «{1}» تغییر کرد</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>وضعیت:</translation>
    </message>
    <message>
        <source>The answer the requester is given (they see it when they look the request up):</source>
        <translation>پاسخی که به متقاضی داده می‌شود (هنگام پیگیری درخواست آن را می‌بیند):</translation>
    </message>
    <message>
        <source>The receipt was saved to {0}</source>
        <translation>رسید در {0} ذخیره شد</translation>
    </message>
    <message>
        <source>The receipt was sent to the printer.</source>
        <translation>رسید به چاپگر فرستاده شد.</translation>
    </message>
    <message>
        <source>The request {0} was answered.</source>
        <translation>به درخواست {0} پاسخ داده شد.</translation>
    </message>
    <message>
        <source>The request {0} was closed.</source>
        <translation>درخواست {0} بسته شد.</translation>
    </message>
    <message>
        <source>The request {0} was reopened.</source>
        <translation>درخواست {0} بازگشایی شد.</translation>
    </message>
    <message>
        <source>The review of {0} has started.</source>
        <translation>بررسی {0} آغاز شد.</translation>
    </message>
    <message>
        <source>Why is the request reopened?</source>
        <translation>دلیل بازگشایی درخواست چیست؟</translation>
    </message>
    <message>
        <source>{0} requests; {1} overdue</source>
        <translation>{0} درخواست؛ {1} معوق</translation>
    </message>
</context>
<context>
    <name>ResponseTimesBox</name>
    <message>
        <source>Answered</source>
        <translation>پاسخ‌داده</translation>
    </message>
    <message>
        <source>Half of the answers took at most this many working days</source>
        <translation>نیمی از پاسخ‌ها حداکثر در این تعداد روز کاری داده شده‌اند</translation>
    </message>
    <message>
        <source>In time</source>
        <translation>به‌موقع</translation>
    </message>
    <message>
        <source>In time:</source>
        <translation>به‌موقع:</translation>
    </message>
    <message>
        <source>Median</source>
        <translation>میانه</translation>
    </message>
    <message>
        <source>Median:</source>
        <translation>میانه:</translation>
    </message>
    <message>
        <source>Median: working days from registration to the answer. In time: the share of the answers given by the due date. Overdue: still open after the due date.</source>
        <translation>میانه: روزهای کاری از ثبت تا پاسخ. به‌موقع: سهم پاسخ‌هایی که تا سررسید داده شده‌اند. معوق: هنوز باز و سررسید گذشته.</translation>
    </message>
    <message>
        <source>Of the answered requests, the share answered by the due date</source>
        <translation>سهم پاسخ‌هایی که تا سررسید داده شده‌اند از همهٔ پاسخ‌ها</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>معوق</translation>
    </message>
    <message>
        <source>Overdue today:</source>
        <translation>معوق امروز:</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>ثبت‌شده</translation>
    </message>
    <message>
        <source>Requests still open after their due date</source>
        <translation>درخواست‌هایی که سررسیدشان گذشته و هنوز باز هستند</translation>
    </message>
    <message>
        <source>Response times</source>
        <translation>زمان پاسخ‌گویی</translation>
    </message>
    <message>
        <source>Response times of the requests registered in {0}</source>
        <translation>زمان پاسخ‌گویی به درخواست‌های ثبت‌شده در سال {0}</translation>
    </message>
</context>
<context>
    <name>RestoreDialog</name>
    <message>
        <source>All current data — budgets, collections, users, requests, issued reports — is replaced by the contents of this backup. A copy of the current data is kept in the backups folder. Data entry is closed until the restore finishes.</source>
        <translation>همهٔ داده‌های فعلی — بودجه، وصولی‌ها، کاربران، درخواست‌ها و گزارش‌های صادرشده — با محتوای این نسخهٔ پشتیبان جایگزین می‌شود. رونوشتی از داده‌های فعلی در پوشهٔ backups نگه داشته می‌شود. تا پایان بازگردانی ورود اطلاعات بسته است.</translation>
    </message>
    <message>
        <source>Backup file:</source>
        <translation>فایل پشتیبان:</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Enter the backup's passphrase.</source>
        <translation>عبارت عبور نسخهٔ پشتیبان را وارد کنید.</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>عبارت عبور:</translation>
    </message>
    <message>
        <source>RESTORE</source>
        <translation>بازگردانی</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>بازگردانی</translation>
    </message>
    <message>
        <source>Restore from a backup</source>
        <translation>بازگردانی از نسخهٔ پشتیبان</translation>
    </message>
    <message>
        <source>To confirm, type «{0}»:</source>
        <translation>برای تأیید، «{0}» را بنویسید:</translation>
    </message>
    <message>
        <source>Type «{0}» to confirm.</source>
        <translation>برای تأیید، «{0}» را بنویسید.</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <source>% of the amount in force</source>
        <translation>درصد از مصوب نهایی</translation>
    </message>
    <message>
        <source>Cumulative</source>
        <translation>تجمعی</translation>
    </message>
    <message>
        <source>Enter an amount for every month.</source>
        <translation>برای همهٔ ماه‌ها مبلغ وارد کنید.</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>ماه</translation>
    </message>
    <message>
        <source>No communicated schedule: an even twelfth of the amount in force.</source>
        <translation>برنامهٔ ابلاغی ندارد: یک‌دوازدهم مصوب نهایی.</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>مبلغ برنامه</translation>
    </message>
</context>
<context>
    <name>ScheduleTab</name>
    <message>
        <source>Agency:</source>
        <translation>دستگاه:</translation>
    </message>
    <message>
        <source>Approved: {0} — revised: {1} — in force: {2} {3}</source>
        <translation>مصوب: {0} — اصلاحی: {1} — مصوب نهایی: {2} {3}</translation>
    </message>
    <message>
        <source>Line:</source>
        <translation>ردیف:</translation>
    </message>
    <message>
        <source>No monthly schedule has been communicated: each month's target is an even twelfth (shown in grey). Type amounts or spread evenly, then save.</source>
        <translation>برنامهٔ ماهانه‌ای ابلاغ نشده است: هدف هر ماه یک‌دوازدهم مبلغ است (به رنگ خاکستری). مبالغ را وارد کنید یا تقسیم یکنواخت را بزنید، سپس ذخیره کنید.</translation>
    </message>
    <message>
        <source>Nothing was saved: correct the cells marked in red first.</source>
        <translation>چیزی ذخیره نشد: نخست خانه‌های قرمزشده را اصلاح کنید.</translation>
    </message>
    <message>
        <source>Remove the schedule</source>
        <translation>حذف برنامهٔ ابلاغی</translation>
    </message>
    <message>
        <source>Save the schedule</source>
        <translation>ذخیرهٔ برنامه</translation>
    </message>
    <message>
        <source>Schedule total: {0} — amount in force: {1} — difference: {2} {3}</source>
        <translation>جمع برنامه: {0} — مصوب نهایی: {1} — اختلاف: {2} {3}</translation>
    </message>
    <message>
        <source>Spread evenly</source>
        <translation>تقسیم یکنواخت</translation>
    </message>
    <message>
        <source>The monthly schedule was removed; the even share applies.</source>
        <translation>برنامهٔ ماهانه حذف شد؛ سهم یکنواخت ماهانه به کار می‌رود.</translation>
    </message>
    <message>
        <source>The monthly schedule was saved.</source>
        <translation>برنامهٔ ماهانه ذخیره شد.</translation>
    </message>
    <message>
        <source>This agency has no approved line in this year.</source>
        <translation>این دستگاه در این سال ردیف مصوبی ندارد.</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>بازگرداندن تغییرات</translation>
    </message>
    <message>
        <source>Unit:</source>
        <translation>واحد:</translation>
    </message>
    <message>
        <source>none</source>
        <translation>ندارد</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Nothing to save: the settings are unchanged.</source>
        <translation>چیزی برای ذخیره نیست؛ تنظیمات تغییری نکرده‌اند.</translation>
    </message>
    <message>
        <source>Only the system administrator can change the settings other than the language.</source>
        <translation>تنظیمات جز زبان را فقط مدیر سامانه می‌تواند تغییر دهد.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>ذخیره شد.</translation>
    </message>
    <message>
        <source>Saved. The new language takes effect the next time Rasad starts.</source>
        <translation>ذخیره شد. زبان تازه از اجرای بعدی رصد منابع اعمال می‌شود.</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
    </message>
    <message>
        <source>Settings of the office (the same on every workstation)</source>
        <translation>تنظیمات اداره (یکسان در همهٔ ایستگاه‌های کاری)</translation>
    </message>
    <message>
        <source>Settings of this workstation</source>
        <translation>تنظیمات این ایستگاه کاری</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>بازگرداندن تغییرات</translation>
    </message>
</context>
<context>
    <name>SheetExchange</name>
    <message>
        <source>Checking the file…</source>
        <translation>در حال بررسی فایل…</translation>
    </message>
    <message>
        <source>Every figure in {0} already matches; nothing to import.</source>
        <translation>همهٔ ارقام «{0}» با پایگاه داده یکی است؛ چیزی برای ورود نیست.</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx);;CSV (*.csv)</source>
        <translation>کارپوشه‌های Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>خروجی Excel…</translation>
    </message>
    <message>
        <source>Export {0}</source>
        <translation>خروجی {0}</translation>
    </message>
    <message>
        <source>Exported {0} figures to {1}.</source>
        <translation>{0} رقم در «{1}» نوشته شد.</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>ورود از Excel…</translation>
    </message>
    <message>
        <source>Import {0}</source>
        <translation>ورود {0}</translation>
    </message>
    <message>
        <source>Import?</source>
        <translation>وارد شود؟</translation>
    </message>
    <message>
        <source>Imported: {0} figures saved.</source>
        <translation>ورود انجام شد: {0} رقم ثبت شد.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>در حال ورود…</translation>
    </message>
    <message>
        <source>Nothing was imported: the unusual figures were not confirmed.</source>
        <translation>چیزی وارد نشد: ارقام نامعمول تأیید نشدند.</translation>
    </message>
    <message>
        <source>Row {0}: {1}</source>
        <translation>سطر {0}: {1}</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.csv *.txt)</source>
        <translation>صفحه‌گسترده‌ها (*.xlsx *.csv *.txt)</translation>
    </message>
    <message>
        <source>The amounts in this file are in {0} (its title or heading says so); they are converted to rials.</source>
        <translation>مبلغ‌های این فایل به «{0}» است (سطر عنوان یا عنوان ستونش چنین می‌گوید)؛ به ریال برگردانده می‌شود.</translation>
    </message>
    <message>
        <source>Why are the unusual figures right? (kept with each figure and in the audit trail)</source>
        <translation>چرا ارقام نامعمول درست‌اند؟ (کنار هر رقم و در گزارش رویدادها نگهداری می‌شود)</translation>
    </message>
    <message>
        <source>Writing the workbook…</source>
        <translation>در حال نوشتن کارپوشه…</translation>
    </message>
    <message>
        <source>{0} figures look unusual; you will be asked why they are right:</source>
        <translation>{0} رقم نامعمول به نظر می‌رسد؛ دلیل درستی آن‌ها از شما پرسیده می‌شود:</translation>
    </message>
    <message>
        <source>{0} holds no figures to import.</source>
        <translation>«{0}» رقمی برای ورود ندارد.</translation>
    </message>
    <message>
        <source>{0} holds {1} figures for {2} agencies{3}. {4} of them differ from the database and will be saved, in one step.</source>
        <translation>«{0}» {1} رقم برای {2} دستگاه{3} دارد که {4} رقم آن با پایگاه داده فرق دارد و یک‌جا ثبت می‌شود.</translation>
    </message>
    <message>
        <source>… and {0} more</source>
        <translation>… و {0} رقم دیگر</translation>
    </message>
</context>
<context>
    <name>SignInDialog</name>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Forgot your password? Ask the system administrator to reset it.</source>
        <translation>گذرواژه را فراموش کرده‌اید؟ از مدیر سامانه بخواهید آن را بازنشانی کند.</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>گذرواژه:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>ورود</translation>
    </message>
    <message>
        <source>Sign in to Rasad</source>
        <translation>ورود به رصد منابع</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>نام کاربری:</translation>
    </message>
</context>
<context>
    <name>SigningPassphraseDialog</name>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Sign and issue</source>
        <translation>امضا و صدور</translation>
    </message>
    <message>
        <source>Sign the report</source>
        <translation>امضای گزارش</translation>
    </message>
    <message>
        <source>Signing passphrase:</source>
        <translation>عبارت عبور امضا:</translation>
    </message>
    <message>
        <source>The passphrase again:</source>
        <translation>تکرار عبارت عبور:</translation>
    </message>
    <message>
        <source>The report is signed with the office certificate.</source>
        <translation>گزارش با گواهی امضای دفتر امضا می‌شود.</translation>
    </message>
    <message>
        <source>The two passphrases differ.</source>
        <translation>دو عبارت عبور یکی نیستند.</translation>
    </message>
    <message>
        <source>This is the first report issued here: the office signing certificate is made now. Choose its passphrase; it is needed to issue every report from now on. Keep it safe: it cannot be recovered.</source>
        <translation>این نخستین گزارشی است که این‌جا صادر می‌شود: گواهی امضای دفتر اکنون ساخته می‌شود. عبارت عبور آن را برگزینید؛ از این پس برای صدور هر گزارش لازم است. آن را در جای امنی نگه دارید: بازیابی‌شدنی نیست.</translation>
    </message>
    <message>
        <source>Type the signing passphrase.</source>
        <translation>عبارت عبور امضا را بنویسید.</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Demo province</source>
        <translation>استان نمونه</translation>
    </message>
    <message>
        <source>Notices</source>
        <translation>اطلاعیه‌ها</translation>
    </message>
    <message>
        <source>Rasad closed unexpectedly</source>
        <translation>بسته شدن غیرمنتظرهٔ رصد منابع</translation>
    </message>
    <message>
        <source>Rasad closed unexpectedly the last time it ran. Your saved data is safe; work that was not yet saved may need to be entered again. Please give this report to IT:</source>
        <translation>رصد منابع دفعهٔ پیش به‌طور غیرمنتظره بسته شد. داده‌های ذخیره‌شده سالم‌اند؛ شاید لازم باشد کارهایی را که هنوز ذخیره نشده بود دوباره وارد کنید. لطفاً این گزارش را به واحد فناوری اطلاعات بدهید:</translation>
    </message>
    <message>
        <source>The database is empty. Load the demo province (two fiscal years of sample figures) to try Rasad out?</source>
        <translation>پایگاه داده خالی است. استان نمونه (ارقام آزمایشی دو سال مالی) برای آشنایی با رصد منابع بارگذاری شود؟</translation>
    </message>
    <message>
        <source>This computer is now workstation {0} «{1}» of the office, with the office's data. Sign in with your account from the office.</source>
        <translation>این رایانه اکنون ایستگاه کاری {0} «{1}» دفتر است و دادهٔ دفتر را دارد. با حساب کاربری‌ای که در دفتر دارید وارد شوید.</translation>
    </message>
</context>
<context>
    <name>SyncPage</name>
    <message>
        <source>A lost or reinstalled workstation: its packages are refused from now on</source>
        <translation>ایستگاهی که گم شده یا از نو نصب شده: از این پس بسته‌هایش پذیرفته نمی‌شود</translation>
    </message>
    <message>
        <source>Agencies…</source>
        <translation>دستگاه‌های ایستگاه…</translation>
    </message>
    <message>
        <source>Choose the agencies whose figures the selected workstation enters</source>
        <translation>دستگاه‌هایی که ارقامشان را ایستگاه انتخاب‌شده وارد می‌کند</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>تعارض‌ها</translation>
    </message>
    <message>
        <source>Decided: the office's value stays for {0}.</source>
        <translation>تصمیم گرفته شد: مقدار دفتر برای {0} ماند.</translation>
    </message>
    <message>
        <source>Decided: the value from {1} stays for {0}.</source>
        <translation>تصمیم گرفته شد: مقدار {1} برای {0} ماند.</translation>
    </message>
    <message>
        <source>Enrol a new workstation…</source>
        <translation>عضو کردن ایستگاه تازه…</translation>
    </message>
    <message>
        <source>Enrol a workstation first</source>
        <translation>نخست ایستگاهی را عضو کنید</translation>
    </message>
    <message>
        <source>Enrolment files (*.rse)</source>
        <translation>فایل‌های عضویت (*.rse)</translation>
    </message>
    <message>
        <source>Export a package for the office…</source>
        <translation>ساختن بسته برای دفتر…</translation>
    </message>
    <message>
        <source>Export a package…</source>
        <translation>ساختن بسته…</translation>
    </message>
    <message>
        <source>For workstation:</source>
        <translation>برای ایستگاه:</translation>
    </message>
    <message>
        <source>Import a package</source>
        <translation>دریافت بسته</translation>
    </message>
    <message>
        <source>Import a package…</source>
        <translation>دریافت بسته…</translation>
    </message>
    <message>
        <source>Keep the office's value</source>
        <translation>نگه داشتن مقدار دفتر</translation>
    </message>
    <message>
        <source>Keep the office's value for {0}?

Stays: {1}
Set aside: {2} (from {3})

The decision goes to every workstation with the office's next packages.</source>
        <translation>مقدار دفتر برای {0} بماند؟

می‌ماند: {1}
کنار می‌رود: {2} (از {3})

تصمیم با بسته‌های بعدی دفتر به همهٔ ایستگاه‌ها می‌رسد.</translation>
    </message>
    <message>
        <source>Keep the value from {3} for {0}?

Stays: {2}
Replaced: {1} (the office's)

The decision goes to every workstation with the office's next packages.</source>
        <translation>مقدار {3} برای {0} بماند؟

می‌ماند: {2}
جایگزین می‌شود: {1} (مقدار دفتر)

تصمیم با بسته‌های بعدی دفتر به همهٔ ایستگاه‌ها می‌رسد.</translation>
    </message>
    <message>
        <source>Keep the workstation's value</source>
        <translation>نگه داشتن مقدار ایستگاه</translation>
    </message>
    <message>
        <source>Make a package of what the other side does not hold yet</source>
        <translation>ساختن بسته از آن‌چه طرف دیگر هنوز ندارد</translation>
    </message>
    <message>
        <source>Making the package…</source>
        <translation>در حال ساختن بسته…</translation>
    </message>
    <message>
        <source>No conflicts: every change that arrived applied, or was already here.</source>
        <translation>تعارضی نیست: هر تغییری که رسید اعمال شد یا از پیش این‌جا بود.</translation>
    </message>
    <message>
        <source>No workstation enrolled yet</source>
        <translation>هنوز ایستگاهی عضو نشده است</translation>
    </message>
    <message>
        <source>Package {0} for {1} was saved as {2}: {3} changes, {4} files.</source>
        <translation>بستهٔ شمارهٔ {0} برای {1} با نام {2} ذخیره شد: {3} تغییر، {4} فایل.</translation>
    </message>
    <message>
        <source>Preparing the enrolment file…</source>
        <translation>در حال آماده کردن فایل عضویت…</translation>
    </message>
    <message>
        <source>Reading the package…</source>
        <translation>در حال خواندن بسته…</translation>
    </message>
    <message>
        <source>Retire workstation {0} «{1}»? Its packages are refused from now on and its number is never given again. Do this for a lost or reinstalled computer; it cannot be undone (enrol it again instead).</source>
        <translation>ایستگاه {0} «{1}» کنار گذاشته شود؟ از این پس بسته‌هایش پذیرفته نمی‌شود و شماره‌اش دیگر به کسی داده نمی‌شود. این کار برای رایانه‌ای است که گم شده یا از نو نصب شده و برگشت‌پذیر نیست (به جای آن، ایستگاه را دوباره عضو کنید).</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>کنار گذاشتن…</translation>
    </message>
    <message>
        <source>Save the enrolment file as</source>
        <translation>ذخیرهٔ فایل عضویت با نام</translation>
    </message>
    <message>
        <source>Save the package as</source>
        <translation>ذخیرهٔ بسته با نام</translation>
    </message>
    <message>
        <source>Send the changes entered here to the office as a package, and take the office's packages here. Reports are issued at the office.</source>
        <translation>تغییرهایی را که این‌جا وارد می‌شود به شکل بسته برای دفتر بفرستید و بسته‌های دفتر را این‌جا دریافت کنید. گزارش‌ها در دفتر صادر می‌شود.</translation>
    </message>
    <message>
        <source>Synchronisation</source>
        <translation>همگام‌سازی</translation>
    </message>
    <message>
        <source>Synchronisation packages (*.rsp)</source>
        <translation>بسته‌های همگام‌سازی (*.rsp)</translation>
    </message>
    <message>
        <source>Synchronisation packages (*.rsp);;All files (*)</source>
        <translation>بسته‌های همگام‌سازی (*.rsp);;همهٔ فایل‌ها (*)</translation>
    </message>
    <message>
        <source>Take a package from the other side; you see what it will do first</source>
        <translation>گرفتن بستهٔ طرف دیگر؛ پیش از آن می‌بینید چه خواهد کرد</translation>
    </message>
    <message>
        <source>Taking the package…</source>
        <translation>در حال گرفتن بسته…</translation>
    </message>
    <message>
        <source>The agencies of workstation {0} were saved; the change reaches the workstations with the office's next packages.</source>
        <translation>دستگاه‌های ایستگاه {0} ذخیره شد؛ این تغییر با بسته‌های بعدی دفتر به ایستگاه‌ها می‌رسد.</translation>
    </message>
    <message>
        <source>The conflicts are in the list below, awaiting the office's decision.</source>
        <translation>تعارض‌ها در فهرست زیر، در انتظار تصمیم دفتر است.</translation>
    </message>
    <message>
        <source>The conflicts are in the list below; decide them there.</source>
        <translation>تعارض‌ها در فهرست زیر است؛ همان‌جا درباره‌شان تصمیم بگیرید.</translation>
    </message>
    <message>
        <source>The conflicts are in the list below; the administrator decides them.</source>
        <translation>تعارض‌ها در فهرست زیر است؛ مدیر سامانه درباره‌شان تصمیم می‌گیرد.</translation>
    </message>
    <message>
        <source>The package was not taken; nothing changed.</source>
        <translation>بسته گرفته نشد؛ چیزی تغییر نکرد.</translation>
    </message>
    <message>
        <source>These changes arrived where the value had changed meanwhile. Both values are kept; they are awaiting the office's decision, which arrives with its next package.</source>
        <translation>این تغییرها وقتی رسیدند که مقدار در این میان عوض شده بود. هر دو مقدار نگه داشته شده و در انتظار تصمیم دفتر است که با بستهٔ بعدی دفتر می‌رسد.</translation>
    </message>
    <message>
        <source>These changes arrived where the value had changed meanwhile. Choose one and keep the office's value or the workstation's; the decision goes to every workstation with the office's next packages.</source>
        <translation>این تغییرها وقتی رسیدند که مقدار در این میان عوض شده بود. یکی را برگزینید و مقدار دفتر یا مقدار ایستگاه را نگه دارید؛ تصمیم با بسته‌های بعدی دفتر به همهٔ ایستگاه‌ها می‌رسد.</translation>
    </message>
    <message>
        <source>These changes arrived where the value had changed meanwhile. The administrator decides which value stays.</source>
        <translation>این تغییرها وقتی رسیدند که مقدار در این میان عوض شده بود. مدیر سامانه تصمیم می‌گیرد کدام مقدار بماند.</translation>
    </message>
    <message>
        <source>This database is the office.</source>
        <translation>این پایگاه داده، پایگاه دفتر است.</translation>
    </message>
    <message>
        <source>This database is workstation {0} «{1}» of the office.</source>
        <translation>این پایگاه داده ایستگاه کاری {0} «{1}» دفتر است.</translation>
    </message>
    <message>
        <source>Warning: this database is a copy of a workstation's that was not enrolled in this data folder (a backup restored here, or a copied file). So that tracking codes and changes do not repeat, nothing can be recorded in it and no package is made or taken. Ask the office's administrator to enrol this computer again.</source>
        <translation>هشدار: این پایگاه داده رونوشتی از پایگاه یک ایستگاه کاری است که در این پوشهٔ داده عضو نشده است (نسخهٔ پشتیبانی که این‌جا بازگردانده شده یا فایلی که رونوشت شده). برای این‌که کدهای رهگیری و تغییرها تکراری نشوند، چیزی در آن ثبت نمی‌شود و بسته‌ای ساخته یا دریافت نمی‌شود. از مدیر دفتر بخواهید این رایانه را دوباره عضو کند.</translation>
    </message>
    <message>
        <source>Workstation {0} was retired.</source>
        <translation>ایستگاه {0} کنار گذاشته شد.</translation>
    </message>
    <message>
        <source>Workstation {0} «{1}» was enrolled, but its enrolment file was not saved. Retire it and enrol the workstation again.</source>
        <translation>ایستگاه {0} «{1}» عضو شد، اما فایل عضویتش ذخیره نشد. آن را کنار بگذارید و ایستگاه را دوباره عضو کنید.</translation>
    </message>
    <message>
        <source>Workstation {0} «{1}» was enrolled; its enrolment file is {2}.</source>
        <translation>ایستگاه {0} «{1}» عضو شد؛ فایل عضویتش {2} است.</translation>
    </message>
    <message>
        <source>Workstations</source>
        <translation>ایستگاه‌های کاری</translation>
    </message>
    <message>
        <source>Workstations send their changes here as packages, and take the office's changes back the same way. Conflicts are decided here, and reports are issued here.</source>
        <translation>ایستگاه‌های کاری تغییرهایشان را به شکل بسته به این‌جا می‌فرستند و تغییرهای دفتر را به همین شکل می‌گیرند. تعارض‌ها این‌جا حل می‌شود و گزارش‌ها این‌جا صادر می‌شود.</translation>
    </message>
    <message>
        <source>{0} undecided</source>
        <translation>{0} تعارض حل‌نشده</translation>
    </message>
</context>
<context>
    <name>SyncSummary</name>
    <message>
        <source>Change {0} from {1} has not arrived yet; the changes after it wait until it does (a newer package from there brings it).</source>
        <translation>تغییر {0} از {1} هنوز نرسیده است؛ تغییرهای پس از آن تا رسیدنش منتظر می‌مانند (بستهٔ تازه‌تری از آن‌جا آن را می‌آورد).</translation>
    </message>
    <message>
        <source>Changes {0}–{1} from {2} have not arrived yet; the changes after them wait until they do (a newer package from there brings them).</source>
        <translation>تغییرهای {0} تا {1} از {2} هنوز نرسیده است؛ تغییرهای پس از آن‌ها تا رسیدنشان منتظر می‌مانند (بستهٔ تازه‌تری از آن‌جا آن‌ها را می‌آورد).</translation>
    </message>
    <message>
        <source>The package from {0} was taken: {1} changes applied, {2} already present ({3} of them received before), {4} held, {5} in conflict.</source>
        <translation>بستهٔ {0} گرفته شد: {1} تغییر اعمال شد، {2} از پیش بود ({3} از آن‌ها پیش‌تر رسیده بود)، {4} در انتظار، {5} تعارض.</translation>
    </message>
    <message>
        <source>{0} changes are in conflict at the office and were not applied here.</source>
        <translation>{0} تغییر در دفتر در تعارض است و این‌جا اعمال نشد.</translation>
    </message>
</context>
<context>
    <name>UnsavedChanges</name>
    <message>
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>دور ریختن</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
    </message>
</context>
<context>
    <name>UsersModel</name>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>نام و نام خانوادگی</translation>
    </message>
    <message>
        <source>Inactive</source>
        <translation>غیرفعال</translation>
    </message>
    <message>
        <source>Last sign-in</source>
        <translation>آخرین ورود</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>قفل‌شده</translation>
    </message>
    <message>
        <source>Locked for a while after repeated wrong passwords; unlocking or resetting the password ends it at once.</source>
        <translation>پس از ورود نادرست پیاپی برای مدتی قفل شده است؛ بازکردن قفل یا بازنشانی گذرواژه آن را بی‌درنگ پایان می‌دهد.</translation>
    </message>
    <message>
        <source>Locked out until {0}</source>
        <translation>قفل موقت تا {0}</translation>
    </message>
    <message>
        <source>Must change password</source>
        <translation>تغییر اجباری گذرواژه</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>هرگز</translation>
    </message>
    <message>
        <source>No</source>
        <translation>خیر</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>نقش</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>نام کاربری</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>بله</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>A user who forgot their password asks you: reset it here and give them the temporary password, which is shown only once and must be changed at their next sign-in.</source>
        <translation>کاربری که گذرواژه‌اش را فراموش کرده است به شما مراجعه می‌کند: گذرواژهٔ او را اینجا بازنشانی کنید و گذرواژهٔ موقت را به او بدهید؛ این گذرواژه فقط یک بار نمایش داده می‌شود و باید در ورود بعدی تغییر کند.</translation>
    </message>
    <message>
        <source>Add a user…</source>
        <translation>افزودن کاربر…</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>تغییر نقش</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>تغییر نقش…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>قفل کردن</translation>
    </message>
    <message>
        <source>New role of {0}:</source>
        <translation>نقش تازهٔ «{0}»:</translation>
    </message>
    <message>
        <source>New user's password</source>
        <translation>گذرواژهٔ کاربر تازه</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>بازنشانی گذرواژه…</translation>
    </message>
    <message>
        <source>Reset the password of {0}? Their current password stops working at once.</source>
        <translation>گذرواژهٔ «{0}» بازنشانی شود؟ گذرواژهٔ فعلی او بی‌درنگ از کار می‌افتد.</translation>
    </message>
    <message>
        <source>Resetting the password…</source>
        <translation>در حال بازنشانی گذرواژه…</translation>
    </message>
    <message>
        <source>Temporary password</source>
        <translation>گذرواژهٔ موقت</translation>
    </message>
    <message>
        <source>The account {0} was created with this password.</source>
        <translation>حساب «{0}» با این گذرواژه ایجاد شد.</translation>
    </message>
    <message>
        <source>The account {0} was locked.</source>
        <translation>حساب «{0}» قفل شد.</translation>
    </message>
    <message>
        <source>The account {0} was unlocked.</source>
        <translation>قفل حساب «{0}» باز شد.</translation>
    </message>
    <message>
        <source>The password of {0} was reset to this temporary password.</source>
        <translation>گذرواژهٔ «{0}» به این گذرواژهٔ موقت بازنشانی شد.</translation>
    </message>
    <message>
        <source>The password of {0} was reset; they must change it at their next sign-in.</source>
        <translation>گذرواژهٔ «{0}» بازنشانی شد؛ او باید در ورود بعدی آن را تغییر دهد.</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>بازکردن قفل</translation>
    </message>
    <message>
        <source>User {0} was created.</source>
        <translation>کاربر «{0}» ایجاد شد.</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>کاربران</translation>
    </message>
    <message>
        <source>{0} is now {1}; if signed in, they are signed out at their next action.</source>
        <translation>نقش «{0}» اکنون {1} است؛ اگر وارد سامانه باشد، در نخستین کار بعدی‌اش از سامانه خارج می‌شود.</translation>
    </message>
</context>
<context>
    <name>WorkstationsModel</name>
    <message>
        <source>Active</source>
        <translation>فعال</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>دستگاه‌ها</translation>
    </message>
    <message>
        <source>Any</source>
        <translation>همه</translation>
    </message>
    <message>
        <source>Enrolled on {0} by {1}</source>
        <translation>عضویت در {0} به دست {1}</translation>
    </message>
    <message>
        <source>Last package</source>
        <translation>آخرین بسته</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>نام</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>شماره</translation>
    </message>
    <message>
        <source>None yet</source>
        <translation>هنوز نه</translation>
    </message>
    <message>
        <source>Pending conflicts</source>
        <translation>تعارض حل‌نشده</translation>
    </message>
    <message>
        <source>Retired</source>
        <translation>کنار گذاشته</translation>
    </message>
    <message>
        <source>State</source>
        <translation>وضعیت</translation>
    </message>
</context>
<context>
    <name>YearsModel</name>
    <message>
        <source>Amount in force ({0})</source>
        <translation>مصوب نهایی ({0})</translation>
    </message>
    <message>
        <source>Approved lines</source>
        <translation>ردیف‌های دارای مصوب</translation>
    </message>
    <message>
        <source>Classification lines</source>
        <translation>کدهای طبقه‌بندی</translation>
    </message>
    <message>
        <source>Fiscal year</source>
        <translation>سال مالی</translation>
    </message>
    <message>
        <source>Locked months</source>
        <translation>ماه‌های بسته</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>یادداشت</translation>
    </message>
</context>
<context>
    <name>YearsTab</name>
    <message>
        <source>Copy the classification lines of {0}</source>
        <translation>رونوشت کدهای طبقه‌بندی سال {0}</translation>
    </message>
    <message>
        <source>Create the fiscal year</source>
        <translation>ایجاد سال مالی</translation>
    </message>
    <message>
        <source>Fiscal year {0} was created with {1} classification lines of {2}.</source>
        <translation>سال مالی {0} با {1} کد طبقه‌بندی از سال {2} ایجاد شد.</translation>
    </message>
    <message>
        <source>Fiscal year {0} was created.</source>
        <translation>سال مالی {0} ایجاد شد.</translation>
    </message>
    <message>
        <source>New fiscal year</source>
        <translation>سال مالی جدید</translation>
    </message>
    <message>
        <source>No earlier year has classification lines to copy</source>
        <translation>سال قبلی با کدهای طبقه‌بندی برای رونوشت وجود ندارد</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>یادداشت:</translation>
    </message>
    <message>
        <source>Year:</source>
        <translation>سال:</translation>
    </message>
    <message>
        <source>e.g. the budget law as passed</source>
        <translation>مثلاً قانون بودجه به‌صورت مصوب</translation>
    </message>
</context>
</TS>
