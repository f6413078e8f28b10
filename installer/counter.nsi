; NSIS script of the Counter installer (Simplified Chinese, Modern UI 2).
;
;   makensis -DSOURCE_DIR=dist\counter -DVERSION=0.1.0 -DOUTFILE=dist\Counter-0.1.0-setup.exe installer\counter.nsi
;
; SOURCE_DIR is the PyInstaller onedir bundle (installer/counter.spec). The
; script is UTF-8 (Unicode NSIS 3). Per-machine install under Program Files,
; Start-menu and desktop shortcuts, an uninstaller registered in "Programs and
; Features". The workstation's settings and the embedded database live in the
; user's profile and are left in place by the uninstaller.

Unicode true
SetCompressor /SOLID lzma

!ifndef VERSION
  !define VERSION "0.1.0"
!endif
!ifndef SOURCE_DIR
  !define SOURCE_DIR "..\dist\counter"
!endif
!ifndef ICON
  ; rendered from resources/icons/counter.svg by installer/counter.spec into the
  ; bundle (tools/build_bundle.sh passes -DICON; a payload without it: NSIS's own)
  !if /FileExists "${SOURCE_DIR}\_internal\counter_app\resources\icons\counter.ico"
    !define ICON "${SOURCE_DIR}\_internal\counter_app\resources\icons\counter.ico"
  !endif
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\Counter-${VERSION}-setup.exe"
!endif

!define APP_NAME "Counter"
!define APP_NAME_ZH "营业厅柜台系统"
!define COMPANY "Counter"
!define EXE_NAME "counter-app.exe"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_NAME}"

Name "${APP_NAME_ZH} ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
InstallDirRegKey HKLM "Software\${APP_NAME}" "InstallDir"
RequestExecutionLevel admin
ShowInstDetails show
ShowUninstDetails show

; -- version information of setup.exe ---------------------------------------
VIProductVersion "${VERSION}.0"
VIFileVersion "${VERSION}.0"
VIAddVersionKey /LANG=2052 "ProductName" "${APP_NAME_ZH}"
VIAddVersionKey /LANG=2052 "CompanyName" "${COMPANY}"
VIAddVersionKey /LANG=2052 "FileDescription" "${APP_NAME_ZH} 安装程序"
VIAddVersionKey /LANG=2052 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=2052 "LegalCopyright" "Proprietary"

; -- Modern UI 2 ------------------------------------------------------------
!include "MUI2.nsh"
!define MUI_ABORTWARNING
!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_FINISHPAGE_RUN "$INSTDIR\${EXE_NAME}"
!define MUI_STARTMENUPAGE_DEFAULTFOLDER "${APP_NAME_ZH}"
!define MUI_STARTMENUPAGE_REGISTRY_ROOT "HKLM"
!define MUI_STARTMENUPAGE_REGISTRY_KEY "Software\${APP_NAME}"
!define MUI_STARTMENUPAGE_REGISTRY_VALUENAME "StartMenuFolder"
Var StartMenuFolder

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_STARTMENU Application $StartMenuFolder
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "SimpChinese"

LangString DESC_SHORTCUT ${LANG_SIMPCHINESE} "营业厅收费、查询、减免与投诉"
LangString UNINSTALL_LINK ${LANG_SIMPCHINESE} "卸载 ${APP_NAME_ZH}"

; -- install ----------------------------------------------------------------
Section "!${APP_NAME_ZH}" SecMain
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; a new version replaces the old files completely
  RMDir /r "$INSTDIR\_internal"
  File /r "${SOURCE_DIR}\*.*"

  WriteRegStr HKLM "Software\${APP_NAME}" "InstallDir" "$INSTDIR"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  !insertmacro MUI_STARTMENU_WRITE_BEGIN Application
    CreateDirectory "$SMPROGRAMS\$StartMenuFolder"
    CreateShortcut "$SMPROGRAMS\$StartMenuFolder\${APP_NAME_ZH}.lnk" "$INSTDIR\${EXE_NAME}" "" \
      "$INSTDIR\${EXE_NAME}" 0 SW_SHOWNORMAL "" "$(DESC_SHORTCUT)"
    CreateShortcut "$SMPROGRAMS\$StartMenuFolder\$(UNINSTALL_LINK).lnk" "$INSTDIR\uninstall.exe"
  !insertmacro MUI_STARTMENU_WRITE_END
  CreateShortcut "$DESKTOP\${APP_NAME_ZH}.lnk" "$INSTDIR\${EXE_NAME}" "" "$INSTDIR\${EXE_NAME}" 0

  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME_ZH}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "Publisher" "${COMPANY}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${EXE_NAME}"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Function .onInit
  SetRegView 64
FunctionEnd

; -- uninstall --------------------------------------------------------------
Section "Uninstall"
  SetRegView 64
  !insertmacro MUI_STARTMENU_GETFOLDER Application $StartMenuFolder
  Delete "$SMPROGRAMS\$StartMenuFolder\${APP_NAME_ZH}.lnk"
  Delete "$SMPROGRAMS\$StartMenuFolder\$(UNINSTALL_LINK).lnk"
  RMDir "$SMPROGRAMS\$StartMenuFolder"
  Delete "$DESKTOP\${APP_NAME_ZH}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${EXE_NAME}"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"
  DeleteRegKey HKLM "${UNINSTALL_KEY}"
  DeleteRegKey HKLM "Software\${APP_NAME}"
SectionEnd
