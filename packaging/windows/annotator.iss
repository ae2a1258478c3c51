; Inno Setup script: the Windows installer of Annotator (Inno Setup 6.3+ or 7).
;
;   iscc /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 packaging\windows\annotator.iss
;
; Input: the one-folder bundle dist\annotator\ (make bundle / pyinstaller build.spec), with
; Annotator.exe (the window) and annotator-cli.exe (the command line). Output:
; dist\Annotator-VERSION-windows-x64-setup.exe.
;
; Installs per user without administrator rights by default (lab and university laptops),
; or for all users when the user chooses so and can elevate; Start-menu entry, optional
; desktop icon, the .annotator file association (open with Annotator, with its icon), an
; uninstaller; English and Simplified Chinese, chosen from the Windows display language.
; The Simplified Chinese messages file (ChineseSimplified.isl) is not part of every Inno
; Setup release: the release workflow copies one beside this script.
; This file is UTF-8 with a byte-order mark (Chinese custom messages below).

#ifndef AppVersion
  #define AppVersion "0.0.0"
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric "0.0.0.0"
#endif
#ifndef BundleDir
  #define BundleDir "..\..\dist\annotator"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\dist"
#endif
#ifndef ChineseMessages
  #define ChineseMessages "ChineseSimplified.isl"
#endif
#define AppName "Annotator"
#define AppExe "Annotator.exe"
#define ProgId "Annotator.Project"

[Setup]
; AppId identifies the program across versions (upgrades, uninstall): never change it.
AppId={{8AA85215-DC34-41F7-8872-543F281C1E2C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Annotator
AppPublisherURL=https://github.com/annotator/annotator
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName={#AppName}
VersionInfoDescription={#AppName} Setup
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=commandline dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename={#AppName}-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\annotator\data\icons\annotator.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} {#AppVersion}
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ChangesAssociations=yes
CloseApplications=yes
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "chinesesimplified"; MessagesFile: "{#ChineseMessages}"

[CustomMessages]
english.ProjectFile=Annotator project
chinesesimplified.ProjectFile=Annotator 项目
english.AssocTask=Open .annotator project files with Annotator
chinesesimplified.AssocTask=用 Annotator 打开 .annotator 项目文件
english.FileTypes=File types:
chinesesimplified.FileTypes=文件类型：

[Tasks]
Name: "fileassoc"; Description: "{cm:AssocTask}"; GroupDescription: "{cm:FileTypes}"
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the program's library folder whole: no stale modules from older versions.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
; HKA is HKLM\Software\Classes for an all-users install and HKCU\Software\Classes otherwise.
Root: HKA; Subkey: "Software\Classes\.annotator"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.annotator"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-annotator-project"; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\.annotator\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "{cm:ProjectFile}"; Flags: uninsdeletekey; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""; Tasks: fileassoc
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".annotator"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
