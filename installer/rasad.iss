; Inno Setup script for Rasad (رصد منابع). Compile with Inno Setup 6 on Windows:
;     iscc /DAppVersion=0.1.0 installer\rasad.iss
; after `pyinstaller build.spec` has produced dist\Rasad\. The Windows workflow does both.
;
; Per-user or all-users: the installer asks (PrivilegesRequiredOverridesAllowed); per-user
; installs go to %LOCALAPPDATA%\Programs\Rasad without administrator rights.
; The uninstaller removes the program only: the data folder (%LOCALAPPDATA%\Rasad: the
; database, backups, attachments, logs) is never touched.
; Silent install:   Rasad-Setup-0.1.0.exe /VERYSILENT /SUPPRESSMSGBOXES /ALLUSERS (or /CURRENTUSER)
; Silent uninstall: "%ProgramFiles%\Rasad\unins000.exe" /VERYSILENT /SUPPRESSMSGBOXES

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Rasad"
#define AppNameFa "رصد منابع"
#define SourceDir "..\dist\Rasad"

[Setup]
AppId={{6F1C1B7E-3C2A-4A8E-9B1E-5D2C7A1F4E90}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=General Directorate of Economic Affairs and Finance
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\dist
OutputBaseFilename=Rasad-Setup-{#AppVersion}
SetupIconFile=..\resources\icons\rasad.ico
UninstallDisplayIcon={app}\Rasad.exe
UninstallDisplayName={#AppName} ({#AppNameFa})
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; a running copy must be closed before its files are replaced
CloseApplications=yes
RestartApplications=no
ShowLanguageDialog=auto

[Languages]
; Farsi.isl is Inno Setup's unofficial Persian translation (right-to-left); the Windows
; workflow downloads it beside this script before compiling
Name: "fa"; MessagesFile: "Farsi.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
fa.LaunchRasad=اجرای رصد منابع
en.LaunchRasad=Start Rasad
fa.DataKept=پوشهٔ داده‌های شما (پایگاه داده، نسخه‌های پشتیبان، پیوست‌ها) در %LOCALAPPDATA%\Rasad حذف نمی‌شود.
en.DataKept=Your data folder (database, backups, attachments) in %LOCALAPPDATA%\Rasad is kept.
fa.DesktopIcon=میان‌بر روی میز کار
en.DesktopIcon=Desktop shortcut

[Tasks]
Name: "desktopicon"; Description: "{cm:DesktopIcon}"; Flags: unchecked

[Files]
Source: "{#SourceDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\Rasad.exe"; Comment: "{#AppNameFa}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\Rasad.exe"; Tasks: desktopicon

[Run]
; prove the installed program works (temporary data folder; the user's data is not touched)
Filename: "{app}\Rasad.exe"; Parameters: "--smoke-test"; Flags: runhidden waituntilterminated; StatusMsg: "Checking the installation…"
Filename: "{app}\Rasad.exe"; Description: "{cm:LaunchRasad}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; only what the program itself may leave in its own folder; never %LOCALAPPDATA%\Rasad
Type: filesandordirs; Name: "{app}\__pycache__"

[Code]
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if (CurUninstallStep = usPostUninstall) and not UninstallSilent then
    MsgBox(CustomMessage('DataKept'), mbInformation, MB_OK);
end;
