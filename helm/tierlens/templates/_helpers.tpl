{{/* Names and labels */}}
{{- define "tierlens.name" -}}
{{- default .Chart.Name .Values.nameOverride | trunc 63 | trimSuffix "-" }}
{{- end }}

{{- define "tierlens.fullname" -}}
{{- if .Values.fullnameOverride }}
{{- .Values.fullnameOverride | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- $name := default .Chart.Name .Values.nameOverride }}
{{- if contains $name .Release.Name }}
{{- .Release.Name | trunc 63 | trimSuffix "-" }}
{{- else }}
{{- printf "%s-%s" .Release.Name $name | trunc 63 | trimSuffix "-" }}
{{- end }}
{{- end }}
{{- end }}

{{- define "tierlens.labels" -}}
helm.sh/chart: {{ printf "%s-%s" .Chart.Name .Chart.Version | replace "+" "_" | trunc 63 | trimSuffix "-" }}
{{ include "tierlens.selectorLabels" . }}
app.kubernetes.io/version: {{ .Chart.AppVersion | quote }}
app.kubernetes.io/managed-by: {{ .Release.Service }}
app.kubernetes.io/part-of: tierlens
{{- end }}

{{- define "tierlens.selectorLabels" -}}
app.kubernetes.io/name: {{ include "tierlens.name" . }}
app.kubernetes.io/instance: {{ .Release.Name }}
{{- end }}

{{/* Labels of one Deployment's objects; argument: list root deployment */}}
{{- define "tierlens.deploymentLabels" -}}
{{ include "tierlens.labels" (index . 0) }}
app.kubernetes.io/component: {{ (index . 1).component }}
{{- end }}

{{- define "tierlens.deploymentSelectorLabels" -}}
{{ include "tierlens.selectorLabels" (index . 0) }}
app.kubernetes.io/component: {{ (index . 1).component }}
{{- end }}

{{/* "true" when exporter (index . 1) is enabled in the config: an absent section means enabled, as in the app */}}
{{- define "tierlens.enabled" -}}
{{- $exporters := get ((index . 0).Values.config | default dict) "exporters" | default dict }}
{{- $section := get $exporters (index . 1) | default dict }}
{{- if or (not (hasKey $section "enabled")) $section.enabled }}true{{ end }}
{{- end }}

{{/*
The Kubernetes API access each exporter needs, all read-only (get, list, watch). The single place to change
when an exporter starts reading something new.
*/}}
{{- define "tierlens.rbacRules" -}}
karpenter:
  - apiGroups: [karpenter.sh]
    resources: [nodepools, nodeclaims]
  - apiGroups: [""]
    resources: [nodes, pods]
cost:
  - apiGroups: [""]
    resources: [nodes, pods]
batch:
  - apiGroups: [batch]
    resources: [cronjobs, jobs]
{{- end }}

{{/* The RBAC rules of one Deployment (argument: list root deployment), merged per API group; empty if none */}}
{{- define "tierlens.deploymentRules" -}}
{{- $table := include "tierlens.rbacRules" (index . 0) | fromYaml }}
{{- $byGroup := dict }}
{{- range $exporter := (index . 1).exporters }}
{{- range $rule := (get $table $exporter | default list) }}
{{- range $apiGroup := $rule.apiGroups }}
{{- $_ := set $byGroup $apiGroup (concat (get $byGroup $apiGroup | default list) $rule.resources | uniq | sortAlpha) }}
{{- end }}
{{- end }}
{{- end }}
{{- range $apiGroup := keys $byGroup | sortAlpha }}
- apiGroups: [{{ $apiGroup | quote }}]
  resources: {{ get $byGroup $apiGroup | toJson }}
  verbs: ["get", "list", "watch"]
{{- end }}
{{- end }}

{{/*
The Deployments to render, as a YAML list of
  {name, component, exporters (enabled ones it runs), disable (exporters of other groups), deployment (settings)}.
single: one Deployment with every enabled exporter. perGroup: one per group with an enabled exporter.
*/}}
{{- define "tierlens.deployments" -}}
{{- $root := . }}
{{- $fullname := include "tierlens.fullname" . }}
{{- $owner := dict }}
{{- $known := list }}
{{- range $group := keys .Values.groups | sortAlpha }}
{{- range $exporter := (get $root.Values.groups $group).exporters }}
{{- if hasKey $owner $exporter }}
{{- fail (printf "groups: exporter %q is listed in groups %q and %q; list it in exactly one" $exporter (get $owner $exporter) $group) }}
{{- end }}
{{- $_ := set $owner $exporter $group }}
{{- $known = append $known $exporter }}
{{- end }}
{{- end }}
{{- $out := list }}
{{- if eq .Values.deploymentMode "single" }}
{{- $enabled := list }}
{{- range $known }}
{{- if include "tierlens.enabled" (list $root .) }}
{{- $enabled = append $enabled . }}
{{- end }}
{{- end }}
{{- $out = append $out (dict "name" $fullname "component" "exporter" "exporters" $enabled "disable" list "deployment" (deepCopy .Values.deployment)) }}
{{- else }}
{{- range $group := keys .Values.groups | sortAlpha }}
{{- $spec := get $root.Values.groups $group }}
{{- $enabled := list }}
{{- range $spec.exporters }}
{{- if include "tierlens.enabled" (list $root .) }}
{{- $enabled = append $enabled . }}
{{- end }}
{{- end }}
{{- if $enabled }}
{{- $settings := mergeOverwrite (deepCopy $root.Values.deployment) (deepCopy ($spec.deployment | default dict)) }}
{{- $name := printf "%s-%s" $fullname $group | trunc 63 | trimSuffix "-" }}
{{- $others := list }}
{{- range $known }}
{{- if not (has . $spec.exporters) }}
{{- $others = append $others . }}
{{- end }}
{{- end }}
{{- $out = append $out (dict "name" $name "component" $group "exporters" $enabled "disable" $others "deployment" $settings) }}
{{- end }}
{{- end }}
{{- end }}
{{- toYaml $out }}
{{- end }}

{{/* The tierlens config.yaml of one Deployment (argument: list root deployment) */}}
{{- define "tierlens.config" -}}
{{- $root := index . 0 }}
{{- $d := index . 1 }}
{{- $config := deepCopy ($root.Values.config | default dict) }}
{{- $server := get $config "server" | default dict }}
{{- if hasKey $server "port" }}
{{- fail "config.server.port: set `port` instead; the chart uses it for the container, the Service, the probes and the config" }}
{{- end }}
{{- $_ := set $server "port" $root.Values.port }}
{{- $_ := set $config "server" $server }}
{{- if $d.disable }}
{{- $exporters := get $config "exporters" | default dict }}
{{- range $d.disable }}
{{- $section := get $exporters . | default dict }}
{{- $_ := set $section "enabled" false }}
{{- $_ := set $exporters . $section }}
{{- end }}
{{- $_ := set $config "exporters" $exporters }}
{{- end }}
{{- toYaml $config }}
{{- end }}

{{- define "tierlens.serviceAccountName" -}}
{{- $d := index . 1 }}
{{- if $d.deployment.serviceAccount.create }}
{{- default $d.name $d.deployment.serviceAccount.name }}
{{- else }}
{{- default "default" $d.deployment.serviceAccount.name }}
{{- end }}
{{- end }}

{{- define "tierlens.image" -}}
{{- $tag := default .Chart.AppVersion .Values.image.tag }}
{{- if .Values.image.digest }}
{{- printf "%s@%s" .Values.image.repository .Values.image.digest }}
{{- else }}
{{- printf "%s:%s" .Values.image.repository $tag }}
{{- end }}
{{- end }}

{{/* The container command: java, the JVM flags, the jar. Must equal the Dockerfile's ENTRYPOINT (tested). */}}
{{- define "tierlens.javaCommand" -}}
{{- $root := index . 0 }}
{{- $settings := index . 1 }}
{{- $jar := index . 2 }}
{{- concat (list "java") $settings.jvmFlags ($settings.extraJvmFlags | default list) (list "-jar" $jar) | toYaml }}
{{- end }}

{{/* "true" when the cluster serves the Prometheus Operator's API (or the user says it does) */}}
{{- define "tierlens.prometheusOperator" -}}
{{- if or (.Capabilities.APIVersions.Has "monitoring.coreos.com/v1") .Values.prometheusOperator.assumeInstalled }}true{{ end }}
{{- end }}

{{/* Pod security context and container security context of the Jobs and the test pod */}}
{{- define "tierlens.podSecurityContext" -}}
runAsNonRoot: true
runAsUser: 65532
runAsGroup: 65532
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{- define "tierlens.containerSecurityContext" -}}
runAsNonRoot: true
allowPrivilegeEscalation: false
readOnlyRootFilesystem: true
privileged: false
capabilities:
  drop: [ALL]
seccompProfile:
  type: RuntimeDefault
{{- end }}

{{/*
A probe from values, switched to HTTPS when the web configuration serves TLS (the kubelet does not verify the
certificate). Health endpoints need no basic auth, so probes carry no credentials.
*/}}
{{- define "tierlens.probe" -}}
{{- $root := index . 0 -}}
{{- $probe := deepCopy (index . 1) -}}
{{- if and $root.Values.webConfig.tls $probe.httpGet -}}
{{- $_ := set $probe.httpGet "scheme" "HTTPS" -}}
{{- end -}}
{{- toYaml $probe -}}
{{- end -}}
