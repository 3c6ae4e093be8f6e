<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="fa_IR" sourcelanguage="en">
<context>
    <name>AboutPage</name>
    <message>
        <source>About</source>
        <translation>دربارهٔ برنامه</translation>
    </message>
</context>
<context>
    <name>BudgetPage</name>
    <message>
        <source>Budget</source>
        <translation>بودجه</translation>
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
    <name>DashboardPage</name>
    <message>
        <source>Dashboard</source>
        <translation>پیشخوان</translation>
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
        <source>Cancel</source>
        <translation>انصراف</translation>
    </message>
    <message>
        <source>Data entry</source>
        <translation>ورود اطلاعات</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>دور ریختن</translation>
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
        <source>Nothing was saved: correct the cells marked in red first.</source>
        <translation>چیزی ذخیره نشد: نخست خانه‌های قرمز را اصلاح کنید.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>ذخیره</translation>
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
        <source>Unsaved changes</source>
        <translation>تغییرات ذخیره‌نشده</translation>
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
        <source>This month</source>
        <translation>وصولی این ماه</translation>
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
    <name>MainWindow</name>
    <message>
        <source>Notice:</source>
        <translation>اطلاعیه:</translation>
    </message>
    <message>
        <source>until</source>
        <translation>تا</translation>
    </message>
</context>
<context>
    <name>NoticesPage</name>
    <message>
        <source>Notices</source>
        <translation>اطلاعیه‌ها</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>گزارش‌ها</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Settings</source>
        <translation>تنظیمات</translation>
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
        <source>The database is empty. Load the demo province (two fiscal years of sample figures) to try Rasad out?</source>
        <translation>پایگاه داده خالی است. استان نمونه (ارقام آزمایشی دو سال مالی) برای آشنایی با رصد منابع بارگذاری شود؟</translation>
    </message>
</context>
<context>
    <name>UsersPage</name>
    <message>
        <source>Users</source>
        <translation>کاربران</translation>
    </message>
</context>
</TS>
