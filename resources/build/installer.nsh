; Registers the sas-console:// protocol at install time (HKLM for a per-machine install), so the LRM can launch the
; console before it has ever been started, and removes it at uninstall. The URL comes after `--`: Chromium stops
; reading switches there, so no launch URL can ever be taken for one.
!macro customInstall
  WriteRegStr SHCTX "Software\Classes\sas-console" "" "URL:SAS Console"
  WriteRegStr SHCTX "Software\Classes\sas-console" "URL Protocol" ""
  WriteRegStr SHCTX "Software\Classes\sas-console\DefaultIcon" "" "$INSTDIR\${APP_EXECUTABLE_FILENAME},0"
  WriteRegStr SHCTX "Software\Classes\sas-console\shell\open\command" "" '"$INSTDIR\${APP_EXECUTABLE_FILENAME}" -- "%1"'
!macroend

!macro customUnInstall
  DeleteRegKey SHCTX "Software\Classes\sas-console"
!macroend
